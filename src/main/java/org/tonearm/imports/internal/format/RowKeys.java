package org.tonearm.imports.internal.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * External ids of imported rows: the same row imported twice gets the same id, so the funnel's
 * same-source rule (equal external id) makes re-imports add nothing (docs/api.md#listens "Re-importing a file … adds nothing").
 */
final class RowKeys {

    private RowKeys() {}

    /** For formats without a natural row key: a hash of the raw row text. */
    static String hashOf(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A natural key from parts, e.g. Spotify {@code ts|spotify_track_uri}. */
    static String join(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            if (!key.isEmpty()) {
                key.append('|');
            }
            key.append(part == null ? "" : part);
        }
        return key.length() > 200 ? hashOf(key.toString()) : key.toString();
    }
}
