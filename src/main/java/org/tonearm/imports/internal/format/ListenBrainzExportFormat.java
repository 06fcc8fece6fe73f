package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * ListenBrainz export: the zip's {@code listens/YYYY/M.jsonl} files (one listen per line), or a {@code .json} file
 * holding an array of listens (older exports; also {@code {"payload":{"listens":[…]}}} as the API returns them).
 * A listen: {@code listened_at} (epoch seconds of the START, ListenBrainz API docs) and {@code track_metadata}
 * with {@code artist_name}, {@code track_name}, {@code release_name}, {@code additional_info} (kept as extra,
 * docs/api.md#catalog) and {@code mbid_mapping}. ListenBrainz has no played duration; {@code duration_ms} is the track length.
 * External id: {@code listened_at|recording_msid}, or {@code listened_at|artist|track} without an msid.
 */
@Component
public class ListenBrainzExportFormat implements ImportFormat {

    public static final String ID = "listenbrainz";
    private static final Pattern NAME = Pattern.compile("(listens.*\\.jsonl?|\\d+\\.jsonl)");

    private final ImportRowRules rules;

    public ListenBrainzExportFormat() {
        this(ImportRowRules.systemClock());
    }

    ListenBrainzExportFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        String text = Sniff.text(head);
        boolean listenKeys = Sniff.hasKeys(text, "listened_at", "track_metadata");
        boolean inListensFolder = fileName != null && fileName.replace('\\', '/').matches("(?i)(.*/)?listens/.*\\.jsonl");
        return inListensFolder || (listenKeys && (Sniff.nameMatches(fileName, NAME)
                || Sniff.baseName(fileName).endsWith(".jsonl") || Sniff.startsWith(text, '[')
                || Sniff.startsWith(text, '{')));
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        JsonArrayWalker.RowHandler handler = (rowNumber, row) ->
                RowEmitter.emitJson(sink, rowNumber, row, raw -> listen(row, raw, context));
        if (Sniff.baseName(context.fileName()).endsWith(".jsonl")) {
            JsonLines.read(in, sink, handler);
            return;
        }
        JsonFiles.read(in, parser -> {
            JsonArrayWalker walker = new JsonArrayWalker(parser, sink);
            if (walker.current() == JsonToken.START_ARRAY) {
                walker.elements(handler);
            } else if (walker.current() == JsonToken.START_OBJECT) {
                // a single-line JSONL file uploaded as .json, or an API page {"payload":{"listens":[…]}}
                JsonNode first = walker.tree();
                if (first.has("payload") && first.path("payload").path("listens").isArray()) {
                    for (JsonNode row : first.path("payload").path("listens")) {
                        handler.row(walker.nextRowNumber(), row);
                    }
                } else {
                    handler.row(walker.nextRowNumber(), first);
                    while (walker.next() != null && !sink.cancelled()) {
                        JsonNode row = walker.tree();
                        handler.row(walker.nextRowNumber(), row);
                    }
                }
            } else {
                throw new ImportFileException("expected a JSON array of listens or JSON Lines");
            }
        });
    }

    private IncomingListen listen(JsonNode row, String raw, ImportContext context) {
        if (!row.isObject()) {
            throw new RowRejected("a listen must be a JSON object");
        }
        JsonNode meta = Json.object(row, "track_metadata");
        if (meta == null) {
            throw new RowRejected("track_metadata is missing");
        }
        JsonNode info = Json.object(meta, "additional_info");
        JsonNode mapping = Json.object(meta, "mbid_mapping");
        long listenedAt = listenedAt(row);
        Long lengthMs = Json.whole(info, "duration_ms");
        if (lengthMs == null) {
            lengthMs = Numbers.secondsToMillisOrNull("duration", Json.whole(info, "duration"));
        }
        String msid = firstText(Json.text(row, "recording_msid"), Json.text(info, "recording_msid"));
        String artist = Json.text(meta, "artist_name");
        String track = Json.text(meta, "track_name");
        String key = msid != null ? RowKeys.join(listenedAt / 1000, msid) : RowKeys.join(listenedAt / 1000, artist, track);
        ImportedListen listen = new ImportedListen(rules, context, ID)
                .named("artist", "track_metadata.artist_name").named("track", "track_metadata.track_name")
                .named("album", "track_metadata.release_name").named("track_length_ms", "duration_ms")
                .artist(artist)
                // docs/api.md#catalog: the artist list adds featured artists, never another primary
                .artists(TrackCredit.artistList(artist, Json.texts(info, "artist_names")))
                .title(track)
                .album(Json.text(meta, "release_name"))
                .startedAt(listenedAt)
                .lengthMs(lengthMs)
                .service(Services.fromText(firstText(Json.text(info, "music_service"),
                        Json.text(info, "music_service_name"))))
                .recordingMbid(firstText(Json.text(info, "recording_mbid"), Json.text(mapping, "recording_mbid")))
                .releaseMbid(firstText(Json.text(info, "release_mbid"), Json.text(mapping, "release_mbid")))
                .artistMbids(Json.texts(info, "artist_mbids").isEmpty() ? Json.texts(mapping, "artist_mbids")
                        : Json.texts(info, "artist_mbids"))
                .isrc(Json.text(info, "isrc"))
                .spotifyId(SpotifyIds.trackId(Json.text(info, "spotify_id")))
                .externalId(key)
                .raw(raw);
        if (info != null) {
            JsonFiles.MAPPER.convertValue(info, Map.class).forEach((k, v) -> listen.extra(String.valueOf(k), v));
        }
        return listen.build();
    }

    private static long listenedAt(JsonNode row) {
        JsonNode value = row.get("listened_at");
        if (value != null && value.isString() && !value.stringValue().strip().matches("-?\\d+")) {
            return Times.iso("listened_at", value.stringValue());
        }
        Long seconds = Json.whole(row, "listened_at");
        if (seconds == null) {
            throw new RowRejected("listened_at is missing");
        }
        return Times.secondsToMillis("listened_at", seconds);
    }

    private static String firstText(String a, String b) {
        return a != null ? a : b;
    }
}
