package org.tonearm.identity.internal.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random token values and the digests under which they are stored (never the values themselves: docs/api.md#accounts-and-authentication). */
public final class TokenSecrets {

    /** 32 bytes = 256 bits of entropy, above the 128 bits OWASP asks of session identifiers. */
    public static final int RANDOM_BYTES = 32;
    public static final String API_TOKEN_PREFIX = "tnrm_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenSecrets() {}

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** An opaque refresh token: 256 random bits, base64url (43 characters). */
    public static String newRefreshToken() {
        return BASE64URL.encodeToString(randomBytes(RANDOM_BYTES));
    }

    /** A personal API token: {@code tnrm_} + 256 random bits base64url; the prefix lets secret scanners spot leaks. */
    public static String newApiToken() {
        return API_TOKEN_PREFIX + BASE64URL.encodeToString(randomBytes(RANDOM_BYTES));
    }

    public static String sha256Hex(String value) {
        return digestHex("SHA-256", value);
    }

    /** md5 only because the legacy Last.fm/Audioscrobbler schemes authenticate with md5 digests (docs/api.md#accounts-and-authentication). */
    public static String md5Hex(String value) {
        return digestHex("MD5", value);
    }

    private static String digestHex(String algorithm, String value) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }
}
