package org.tonearm.listens.internal.web;

import java.util.OptionalLong;
import org.tonearm.catalog.NameKeys;
import org.tonearm.listens.Service;
import org.tonearm.listens.internal.persistence.ListenFilter;
import org.tonearm.shared.TonearmException;

/**
 * Query parameters of {@code GET /api/v1/listens} (docs/api.md#listen-shapes) → a {@link ListenFilter}. Every bad parameter
 * is a 400 naming it.
 */
final class ListenListParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    /** Free-text and name filters share the name limit of submissions. */
    static final int MAX_TEXT = ListenSubmissionValidator.MAX_NAME_LENGTH;

    private ListenListParams() {}

    record Raw(String limit, String cursor, String from, String to, String artist, String album, String track,
            String service, String q) {}

    static ListenFilter toFilter(long userId, Raw p) {
        Long from = instant("from", p.from());
        Long to = instant("to", p.to());
        String artist = text("artist", p.artist());
        String album = text("album", p.album());
        String track = text("track", p.track());
        return new ListenFilter(userId, from, to,
                blank(p.cursor()) ? null : ListenCursor.decode(p.cursor().strip()),
                catalogId(artist), artist == null || isId(artist) ? null : NameKeys.normalize(artist),
                catalogId(album), album == null || isId(album) ? null : NameKeys.normalize(album),
                catalogId(track), track == null || isId(track) ? null : NameKeys.normalize(track),
                service(p.service()), text("q", p.q()), limit(p.limit()));
    }

    static int limit(String value) {
        if (blank(value)) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400
        }
        throw TonearmException.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }

    /** ISO-8601 or epoch seconds; from is inclusive, to exclusive. */
    static Long instant(String name, String value) {
        if (blank(value)) {
            return null;
        }
        OptionalLong ms = WireInstants.parse(value);
        if (ms.isEmpty()) {
            throw TonearmException.invalid(name, "must be an ISO-8601 instant or integer epoch seconds");
        }
        return ms.getAsLong();
    }

    static String service(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Service.fromWire(value.strip()).wire();
        } catch (IllegalArgumentException e) {
            throw TonearmException.invalid("service", "must be one of " + ListenSubmissionValidator.wireNames());
        }
    }

    private static String text(String name, String value) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.indexOf('\u0000') >= 0) {
            throw TonearmException.invalid(name, "must be at most " + MAX_TEXT + " characters without NUL");
        }
        return value;
    }

    /** A catalog id when the value is all digits (docs/api.md#conventions filters take an id or a name). */
    private static Long catalogId(String value) {
        return value != null && isId(value) ? Long.parseLong(value.strip()) : null;
    }

    private static boolean isId(String value) {
        return value.strip().matches("\\d{1,18}");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
