package org.tonearm.integrations.internal.scrobbling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The limits a pulled play must meet before it is handed to the funnel, as the native API and imports check them. */
public final class PulledText {

    /** The catalog's name columns (VARCHAR(512)), as the native API and the imports check them (docs/formats.md). */
    public static final int MAX_NAME_LENGTH = 512;
    /** The listens table's external_id column (VARCHAR(200)). */
    public static final int MAX_EXTERNAL_ID_LENGTH = 200;

    private PulledText() {}

    /** Whether every name fits and none holds a NUL; an item that fails is counted as failed, not sent on. */
    public static boolean fits(String... names) {
        for (String n : names) {
            if (n != null && (n.length() > MAX_NAME_LENGTH || n.indexOf('\0') >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** {@code prefix|rest}, or {@code prefix|sha256(rest)} when that would not fit the column. */
    public static String externalId(String prefix, String rest) {
        String id = prefix + "|" + rest;
        if (id.length() <= MAX_EXTERNAL_ID_LENGTH) {
            return id;
        }
        try {
            return prefix + "|" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(rest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
