package org.tonearm.imports.internal.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.RestoredListen;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;
import tools.jackson.databind.JsonNode;

/**
 * One line of an account export's {@code listens.jsonl} (docs/formats.md) to a {@link RestoredListen}: the listen's
 * own report and the absorbed ones, all with the listen's catalog text, each with its own channel, origin, client,
 * external id and raw submission. Values are checked like every imported row ({@link ImportRowRules}).
 */
final class RestoredListenMapper {

    /** The listens table's {@code origin} column is VARCHAR(64). */
    static final int MAX_ORIGIN_LENGTH = 64;

    private final ImportRowRules rules;

    RestoredListenMapper(ImportRowRules rules) {
        this.rules = rules;
    }

    RestoredListen map(JsonNode row, ImportContext context) {
        if (!row.isObject()) {
            throw new RowRejected("a listen must be a JSON object");
        }
        TrackCredit credit = credit(row);
        IncomingListen primary = report(row, context, credit, extra(row));
        List<IncomingListen> absorbed = new ArrayList<>();
        JsonNode sources = row.get("sources");
        if (sources != null && !sources.isNull()) {
            if (!sources.isArray()) {
                throw new RowRejected("sources must be an array");
            }
            for (JsonNode source : sources) {
                if (!source.isObject()) {
                    throw new RowRejected("each of sources must be a JSON object");
                }
                absorbed.add(report(source, context, credit, null));
            }
        }
        return new RestoredListen(primary, absorbed);
    }

    private TrackCredit credit(JsonNode row) {
        String artist = rules.requiredName("artist", Json.text(row, "artist"));
        String title = rules.requiredName("track", Json.text(row, "track"));
        String album = rules.optionalName("album", Json.text(row, "album"));
        List<String> artists = new ArrayList<>();
        for (String name : Json.texts(row, "artists")) {
            String checked = rules.optionalName("artists", name);
            if (checked != null) {
                artists.add(checked);
            }
        }
        Long length = rules.duration("track_length_ms", Json.whole(row, "track_length_ms"));
        JsonNode ids = Json.object(row, "ids");
        String artistMbid = Json.text(ids, "artist_mbid");
        Identifiers identifiers = new Identifiers(Json.text(ids, "recording_mbid"),
                artistMbid == null ? List.of() : List.of(artistMbid), Json.text(ids, "release_mbid"),
                Json.text(ids, "isrc"), Json.text(ids, "spotify_id"));
        return new TrackCredit(artist, artists, title, album, length == null || length == 0 ? null : length,
                identifiers);
    }

    /** One report of the play: the listen's own fields, or one of its {@code sources}. */
    private IncomingListen report(JsonNode node, ImportContext context, TrackCredit credit, Map<String, Object> extra) {
        long at = rules.listenedAt("listened_at", TonearmListenMapper.listenedAt(Json.text(node, "listened_at")));
        Long played = rules.duration("duration_played_ms", Json.whole(node, "duration_played_ms"));
        Service service = TonearmListenMapper.service(Json.text(node, "service"));
        Channel channel = channel(Json.text(node, "channel"));
        String origin = rules.optionalText("origin", Json.text(node, "origin"), MAX_ORIGIN_LENGTH);
        String client = rules.optionalText("client", Json.text(node, "client"), ImportRowRules.MAX_CLIENT_LENGTH);
        String externalId = rules.optionalText("external_id", Json.text(node, "external_id"),
                ImportRowRules.MAX_EXTERNAL_ID_LENGTH);
        return new IncomingListen(context.userId(), credit, at, TimeStamp.START, played, service, channel, origin,
                client, externalId, extra, Json.text(node, "raw"));
    }

    /** The channel the report first reached Tonearm by; a file without one is an import like any other. */
    private static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return Channel.IMPORT;
        }
        try {
            return Channel.fromWire(value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejected("channel is not one of listenbrainz_api, lastfm_api, audioscrobbler_api, native_api, "
                    + "import, sync, web: " + Times.abbreviate(value));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extra(JsonNode row) {
        JsonNode extra = Json.object(row, "extra");
        return extra == null ? null : new LinkedHashMap<>(JsonFiles.MAPPER.convertValue(extra, Map.class));
    }
}
