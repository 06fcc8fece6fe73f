package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
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
 * Spotify Extended Streaming History ({@code Streaming_History_Audio_*.json}, older {@code endsong_*.json}): a JSON
 * array of plays. {@code ts} is when playback ENDED (Spotify's "ReadMeFirst"), so rows are END-stamped with
 * {@code ms_played} and the funnel computes the start (docs/api.md#listens).
 * <ul>
 *   <li>podcast episodes ({@code episode_name}, {@code episode_show_name}, {@code spotify_episode_uri}),
 *       audiobooks ({@code audiobook_*}), rows without a track name (videos, deleted tracks) and incognito rows
 *       ({@code incognito_mode} true) are skipped (docs/api.md#imports-and-exports);</li>
 *   <li>external id: {@code ts|spotify_track_uri} — one play per track and end second.</li>
 * </ul>
 */
@Component
public class SpotifyExtendedHistoryFormat implements ImportFormat {

    public static final String ID = "spotify_extended";
    private static final Pattern NAME = Pattern.compile("(streaming_history_audio.*|endsong.*)\\.json");
    private static final String[] EXTRA_FIELDS = {"reason_start", "reason_end", "skipped", "shuffle", "offline",
            "platform", "conn_country"};

    private final ImportRowRules rules;

    public SpotifyExtendedHistoryFormat() {
        this(ImportRowRules.systemClock());
    }

    SpotifyExtendedHistoryFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        if (Sniff.nameMatches(fileName, NAME)) {
            return true;
        }
        String text = Sniff.text(head);
        return Sniff.startsWith(text, '[') && Sniff.hasKeys(text, "ts", "ms_played")
                && (Sniff.hasKeys(text, "master_metadata_track_name") || Sniff.hasKeys(text, "spotify_track_uri"));
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        JsonFiles.read(in, parser -> {
            JsonArrayWalker walker = new JsonArrayWalker(parser, sink);
            walker.expect(JsonToken.START_ARRAY, "a JSON array of plays");
            // one pass per play gives its tree and its raw text (a million-row export: issue #4 item 9)
            walker.rowsWithText((rowNumber, row, text) -> RowEmitter.emitJson(sink, rowNumber, text,
                    raw -> listen(row, raw, context)));
        });
    }

    private IncomingListen listen(JsonNode row, String raw, ImportContext context) {
        if (!row.isObject()) {
            throw new RowRejected("a play must be a JSON object");
        }
        if (Json.isTrue(row, "incognito_mode")) {
            throw new RowSkipped("played in a private (incognito) session");
        }
        if (Json.text(row, "episode_name") != null || Json.text(row, "episode_show_name") != null
                || Json.text(row, "spotify_episode_uri") != null) {
            throw new RowSkipped("podcast episode");
        }
        if (Json.text(row, "audiobook_title") != null || Json.text(row, "audiobook_uri") != null
                || Json.text(row, "audiobook_chapter_uri") != null) {
            throw new RowSkipped("audiobook");
        }
        String title = Json.text(row, "master_metadata_track_name");
        if (title == null) {
            throw new RowSkipped("not a music track (no track name)");
        }
        String ts = Json.text(row, "ts");
        String uri = Json.text(row, "spotify_track_uri");
        ImportedListen listen = new ImportedListen(rules, context, ID)
                .named("artist", "master_metadata_album_artist_name").named("track", "master_metadata_track_name")
                .named("album", "master_metadata_album_album_name").named("listened_at", "ts")
                .named("duration_played_ms", "ms_played")
                .artist(Json.text(row, "master_metadata_album_artist_name"))
                .title(title)
                .album(Json.text(row, "master_metadata_album_album_name"))
                .endedAt(Times.iso("ts", ts))
                .playedMs(Json.whole(row, "ms_played"))
                .service(Service.SPOTIFY)
                .spotifyId(SpotifyIds.trackId(uri))
                .externalId(RowKeys.join(ts, uri))
                .raw(raw)
                .extra("spotify_track_uri", uri);
        for (String field : EXTRA_FIELDS) {
            JsonNode value = row.get(field);
            if (value != null && !value.isNull() && !value.isContainer()) {
                listen.extra(field, value.isBoolean() ? (Object) value.booleanValue() : Json.text(value));
            }
        }
        return listen.build();
    }
}
