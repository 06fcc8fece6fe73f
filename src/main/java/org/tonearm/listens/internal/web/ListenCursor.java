package org.tonearm.listens.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.tonearm.listens.internal.persistence.ListenFilter.Position;
import org.tonearm.listens.internal.persistence.ListenRow;
import org.tonearm.shared.TonearmException;

/**
 * The opaque {@code cursor} of {@code GET /api/v1/listens}: base64url of {@code "<listened_at>:<id>"} of
 * the last listen of the previous page. Keyset rather than offset, so pages stay fast deep into years of
 * history and do not skip or repeat rows when listens arrive meanwhile.
 */
final class ListenCursor {

    private static final String VERSION = "v1";

    private ListenCursor() {}

    static String encode(ListenRow last) {
        String plain = VERSION + ":" + last.listenedAt() + ":" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position, or 400 naming {@code cursor} for anything this class did not produce. */
    static Position decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw invalid();
            }
            long listenedAt = Long.parseLong(parts[1]);
            long id = Long.parseLong(parts[2]);
            if (listenedAt < 0 || id <= 0) {
                throw invalid();
            }
            return new Position(listenedAt, id);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static TonearmException invalid() {
        return TonearmException.invalid("cursor", "is not a cursor this server issued");
    }
}
