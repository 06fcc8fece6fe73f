package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Maloja export ({@code maloja_export_<date>.json}): {@code {"scrobbles":[…]}} (other top-level keys ignored). A v3 scrobble:
 * {@code time} (epoch seconds, START), {@code track:{artists:[…], title, album:{albumtitle|name, artists}, length}},
 * {@code duration} (seconds played, may be null), {@code origin} ("client:…"). Older (v2) rows are flat:
 * {@code artists, title, album, duration (= length), time}. Maloja credits every artist of a track, so the list is
 * kept as structured artists (first = primary). External id: {@code time|artists|title}.
 */
@Component
public class MalojaExportFormat implements ImportFormat {

    public static final String ID = "maloja";

    private final ImportRowRules rules;

    public MalojaExportFormat() {
        this(ImportRowRules.systemClock());
    }

    MalojaExportFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        if (Sniff.baseName(fileName).startsWith("maloja_export") && Sniff.baseName(fileName).endsWith(".json")) {
            return true;
        }
        // Maloja 3 writes {"scrobbles": get_scrobbles()} only; a "maloja" key is not guaranteed
        String text = Sniff.text(head);
        return Sniff.startsWith(text, '{') && Sniff.hasKeys(text, "scrobbles")
                && (Sniff.hasKeys(text, "maloja") || Sniff.hasKeys(text, "time", "artists", "title"));
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        JsonFiles.read(in, parser -> {
            JsonArrayWalker walker = new JsonArrayWalker(parser, sink);
            boolean found = walker.property("scrobbles", () -> {
                walker.expect(JsonToken.START_ARRAY, "an array of scrobbles");
                return walker.elements((rowNumber, row) -> RowEmitter.emitJson(sink, rowNumber, row,
                        raw -> listen(row, raw, context)));
            });
            if (!found && !sink.cancelled()) {
                throw new ImportFileException("expected a Maloja export with \"scrobbles\"");
            }
        });
    }

    private IncomingListen listen(JsonNode row, String raw, ImportContext context) {
        if (!row.isObject()) {
            throw new RowRejected("a scrobble must be a JSON object");
        }
        JsonNode track = Json.object(row, "track");
        boolean v3 = track != null;
        JsonNode source = v3 ? track : row;
        List<String> artists = Json.texts(source, "artists");
        String album;
        Long lengthSeconds;
        Long playedSeconds;
        if (v3) {
            JsonNode albumNode = track.get("album");
            album = albumNode != null && albumNode.isObject()
                    ? first(Json.text(albumNode, "albumtitle"), Json.text(albumNode, "name")) : Json.text(albumNode);
            lengthSeconds = Json.whole(track, "length");
            playedSeconds = Json.whole(row, "duration");
        } else {
            album = Json.text(row, "album");
            lengthSeconds = Json.whole(row, "duration");
            playedSeconds = null;
        }
        if (artists.isEmpty()) {
            throw new RowRejected("artist is missing");
        }
        Long time = Json.whole(row, "time");
        if (time == null) {
            throw new RowRejected("time is missing");
        }
        String title = Json.text(source, "title");
        return new ImportedListen(rules, context, ID)
                .named("artist", "artists").named("track", "title").named("listened_at", "time")
                .named("duration_played_ms", "duration").named("track_length_ms", "length")
                .artist(String.join(", ", artists))
                .artists(artists)
                .title(title)
                .album(album)
                .startedAt(Times.secondsToMillis("time", time))
                .playedMs(Numbers.secondsToMillisOrNull("duration", playedSeconds))
                .lengthMs(Numbers.secondsToMillisOrNull("length", lengthSeconds))
                .externalId(RowKeys.join(time, String.join(",", artists), title))
                .extra("maloja_origin", Json.text(row, "origin"))
                .raw(raw)
                .build();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
