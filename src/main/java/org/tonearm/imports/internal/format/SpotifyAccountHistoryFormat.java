package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Spotify account data ("Download your data", past year): {@code StreamingHistory0.json},
 * {@code StreamingHistory_music_0.json}: an array of {@code {endTime, artistName, trackName, msPlayed}} where
 * {@code endTime} ("2023-01-31 13:45") is the END of playback in UTC with minute precision — END stamp with
 * {@code msPlayed}. {@code StreamingHistory_podcast_*.json} rows (and rows carrying {@code podcastName} /
 * {@code episodeName}) are podcasts: skipped. External id: a hash of the raw row (no play id; the row is unique
 * enough: end minute, names and played ms).
 */
@Component
public class SpotifyAccountHistoryFormat implements ImportFormat {

    public static final String ID = "spotify_account";
    private static final Pattern NAME = Pattern.compile("streaming_?history.*\\.json");
    private static final Pattern PODCAST_NAME = Pattern.compile("streaming_?history_podcast.*\\.json");
    private static final DateTimeFormatter END_TIME = Times.formatter("yyyy-MM-dd HH:mm[:ss]");

    private final ImportRowRules rules;

    public SpotifyAccountHistoryFormat() {
        this(ImportRowRules.systemClock());
    }

    SpotifyAccountHistoryFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        String name = Sniff.baseName(fileName);
        if (NAME.matcher(name).matches() && !name.startsWith("streaming_history_audio")
                && !name.startsWith("streaming_history_video")) {
            return true;
        }
        String text = Sniff.text(head);
        return Sniff.startsWith(text, '[') && Sniff.hasKeys(text, "endTime", "msPlayed");
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        boolean podcastFile = PODCAST_NAME.matcher(Sniff.baseName(context.fileName())).matches();
        JsonFiles.read(in, parser -> {
            JsonArrayWalker walker = new JsonArrayWalker(parser, sink);
            walker.expect(JsonToken.START_ARRAY, "a JSON array of plays");
            walker.rowsWithText((rowNumber, row, text) -> RowEmitter.emitJson(sink, rowNumber, text,
                    raw -> listen(row, raw, context, podcastFile)));
        });
    }

    private IncomingListen listen(JsonNode row, String raw, ImportContext context, boolean podcastFile) {
        if (!row.isObject()) {
            throw new RowRejected("a play must be a JSON object");
        }
        if (podcastFile || Json.text(row, "podcastName") != null || Json.text(row, "episodeName") != null) {
            throw new RowSkipped("podcast episode");
        }
        return new ImportedListen(rules, context, ID)
                .named("artist", "artistName").named("track", "trackName").named("listened_at", "endTime")
                .named("duration_played_ms", "msPlayed")
                .artist(Json.text(row, "artistName"))
                .title(Json.text(row, "trackName"))
                .endedAt(Times.pattern("endTime", Json.text(row, "endTime"), END_TIME))
                .playedMs(Json.whole(row, "msPlayed"))
                .service(Service.SPOTIFY)
                .externalId(RowKeys.hashOf(raw))
                .raw(raw)
                .build();
    }
}
