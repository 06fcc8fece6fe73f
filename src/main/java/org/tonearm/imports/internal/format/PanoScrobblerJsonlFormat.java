package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;
import tools.jackson.databind.JsonNode;

/**
 * Pano Scrobbler's "scrobble to a file" log in its JSONL flavour: one JSON object per line, appended as the app
 * scrobbles, with the keys of its file-scrobbler entry — {@code timeHuman, timeMs, artist, track, album,
 * albumArtist, durationMs, mediaPlayerPackage, mediaPlayerName, mediaPlayerVersion, event}. {@code timeMs} is the
 * scrobble's time in epoch milliseconds, which like every Last.fm-style scrobble is when the track STARTED;
 * {@code durationMs} is the track's length, not the time played. {@code event} is {@code scrobble} for a play and
 * {@code love}/{@code unlove} for a (un)loved track, which is not a play and is skipped. External id
 * {@code timeMs|artist|track}.
 */
@Component
public class PanoScrobblerJsonlFormat implements ImportFormat {

    public static final String ID = "pano_scrobbler";

    private final ImportRowRules rules;

    public PanoScrobblerJsonlFormat() {
        this(ImportRowRules.systemClock());
    }

    PanoScrobblerJsonlFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        String text = Sniff.text(head);
        return Sniff.startsWith(text, '{') && Sniff.hasKeys(Sniff.firstLine(head), "timeMs", "artist", "track", "event");
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        JsonLines.read(in, sink, (rowNumber, row) ->
                RowEmitter.emitJson(sink, rowNumber, row, raw -> listen(row, raw, context)));
    }

    private IncomingListen listen(JsonNode row, String raw, ImportContext context) {
        if (!row.isObject()) {
            throw new RowRejected("a line is not a JSON object");
        }
        String event = Json.text(row, "event");
        if (event != null && !event.equals("scrobble")) {
            throw new RowSkipped("a '" + Times.abbreviate(event) + "' event, not a play");
        }
        Long timeMs = Json.whole(row, "timeMs");
        if (timeMs == null) {
            throw new RowRejected("timeMs is missing");
        }
        String artist = Json.text(row, "artist");
        String track = Json.text(row, "track");
        return new ImportedListen(rules, context, ID).raw(raw)
                .artist(artist).title(track).album(Json.text(row, "album"))
                .startedAt(timeMs)
                .lengthMs(Json.whole(row, "durationMs"))
                .extra("album_artist", Json.text(row, "albumArtist"))
                .extra("media_player", Json.text(row, "mediaPlayerName"))
                .extra("media_player_package", Json.text(row, "mediaPlayerPackage"))
                .externalId(RowKeys.join(timeMs, artist, track))
                .build();
    }
}
