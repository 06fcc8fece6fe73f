package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
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
 * Google Takeout YouTube and YouTube Music history ({@code watch-history.json}): an array of activities
 * {@code {header, title:"Watched X", titleUrl, subtitles:[{name:"Artist - Topic"}], time}}. Only music rows are
 * plays (docs/api.md#imports-and-exports): {@code header} "YouTube Music" or a {@code titleUrl} on music.youtube.com; other videos,
 * searches and visits are skipped, and so are music rows whose video was removed (no artist left). The artist is
 * the channel name without YouTube's auto-generated " - Topic" suffix; {@code time} is when the watch started.
 * Takeout in English writes "Watched "; other languages' prefixes stay in the title (no reliable list exists).
 * External id: {@code time|titleUrl}.
 */
@Component
public class YouTubeWatchHistoryFormat implements ImportFormat {

    public static final String ID = "youtube_takeout";
    private static final String TOPIC = " - Topic";

    private final ImportRowRules rules;

    public YouTubeWatchHistoryFormat() {
        this(ImportRowRules.systemClock());
    }

    YouTubeWatchHistoryFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        if (Sniff.baseName(fileName).equals("watch-history.json")) {
            return true;
        }
        String text = Sniff.text(head);
        // search-history.json has the same shape: only watch activities ("Watched …") make a watch history
        return Sniff.startsWith(text, '[') && Sniff.hasKeys(text, "header", "title", "time")
                && text.contains("youtube.com") && text.contains("\"Watched ");
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        JsonFiles.read(in, parser -> {
            JsonArrayWalker walker = new JsonArrayWalker(parser, sink);
            walker.expect(JsonToken.START_ARRAY, "a JSON array of watch activities");
            walker.elements((rowNumber, row) -> RowEmitter.emitJson(sink, rowNumber, row,
                    raw -> listen(row, raw, context)));
        });
    }

    private IncomingListen listen(JsonNode row, String raw, ImportContext context) {
        if (!row.isObject()) {
            throw new RowRejected("an activity must be a JSON object");
        }
        String url = Json.text(row, "titleUrl");
        boolean music = "YouTube Music".equals(Json.text(row, "header"))
                || (url != null && url.contains("music.youtube.com"));
        if (!music) {
            throw new RowSkipped("not a YouTube Music play");
        }
        String title = Json.text(row, "title");
        if (title == null || !title.startsWith("Watched ") || url == null) {
            throw new RowSkipped("not a watched track");
        }
        JsonNode subtitles = row.get("subtitles");
        JsonNode channel = subtitles != null && subtitles.isArray() && !subtitles.isEmpty() ? subtitles.get(0) : null;
        String artist = Json.text(channel, "name");
        if (artist == null) {
            throw new RowSkipped("video no longer available (no channel)");
        }
        if (artist.endsWith(TOPIC)) {
            artist = artist.substring(0, artist.length() - TOPIC.length());
        }
        String time = Json.text(row, "time");
        return new ImportedListen(rules, context, ID)
                .named("artist", "subtitles.name").named("track", "title").named("listened_at", "time")
                .artist(artist)
                .title(title.substring("Watched ".length()))
                .startedAt(Times.iso("time", time))
                .service(Service.YOUTUBE_MUSIC)
                .externalId(RowKeys.join(time, url))
                .extra("title_url", url)
                .raw(raw)
                .build();
    }
}
