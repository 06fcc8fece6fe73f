package org.tonearm.compat.lastfm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests the legacy protocols are built on (MD5 signatures, Audioscrobbler tokens) and SHA-256 for storage. */
public final class LegacyDigests {

    private LegacyDigests() {}

    public static String md5Hex(String value) {
        return hex("MD5", value);
    }

    public static String sha256Hex(String value) {
        return hex("SHA-256", value);
    }

    /** Constant-time comparison of two hex digests, case-insensitive. */
    public static boolean sameHex(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                given.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(String algorithm, String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }
}
