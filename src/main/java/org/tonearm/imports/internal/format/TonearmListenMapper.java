package org.tonearm.imports.internal.format;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tonearm.imports.ImportContext;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;

/**
 * Tonearm's own export row (docs/formats.md) — the native API's listen-in shape (docs/api.md#imports-and-exports) — to a listen.
 * Shared by the CSV and JSON formats so both read values the same way.
 */
final class TonearmListenMapper {

    /** One row's values as text, before validation. */
    record Row(String listenedAt, String artist, List<String> artists, String track, String album, String played,
            String length, String service, String client, String externalId, Map<String, Object> extra, String raw) {}

    private final ImportRowRules rules;

    TonearmListenMapper(ImportRowRules rules) {
        this.rules = rules;
    }

    IncomingListen map(Row row, ImportContext context, String origin) {
        ImportedListen listen = new ImportedListen(rules, context, origin)
                .artist(row.artist())
                .artists(row.artists())
                .title(row.track())
                .album(row.album())
                .startedAt(listenedAt(row.listenedAt()))
                .playedMs(Numbers.wholeOrNull("duration_played_ms", row.played()))
                .lengthMs(Numbers.wholeOrNull("track_length_ms", row.length()))
                .service(service(row.service()))
                .client(row.client())
                .externalId(row.externalId() != null ? row.externalId() : RowKeys.hashOf(row.raw()))
                .raw(row.raw());
        if (row.extra() != null) {
            row.extra().forEach(listen::extra);
        }
        return listen.build();
    }

    /** ISO-8601 instant, or an integer of epoch seconds (the native API accepts both, docs/api.md#conventions). */
    static long listenedAt(String value) {
        if (value != null && value.strip().matches("-?\\d{1,18}")) {
            return Times.epochSeconds("listened_at", value);
        }
        return Times.iso("listened_at", value);
    }

    static Service service(String value) {
        if (value == null || value.isBlank()) {
            return Service.OTHER;
        }
        try {
            return Service.fromWire(value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejected("service is not one of spotify, apple_music, youtube_music, tidal, deezer, "
                    + "bandcamp, local, other: " + Times.abbreviate(value));
        }
    }
}
