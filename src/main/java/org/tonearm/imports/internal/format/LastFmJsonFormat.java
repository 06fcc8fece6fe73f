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
 * Last.fm {@code user.getRecentTracks} JSON, as backup tools save it: one page
 * {@code {"recenttracks":{"track":[…],"@attr":{…}}}} or an array of pages (or of tracks). A track:
 * {@code artist} ({@code #text}, or {@code name} with {@code extended=1}, and {@code mbid}), {@code name},
 * {@code album.#text}, {@code mbid}, {@code date.uts} (START, epoch seconds). The currently playing track carries
 * {@code @attr.nowplaying} and no date: skipped, it is not a finished scrobble. Last.fm's XML-to-JSON turns a
 * one-item list into an object, so {@code track} may be a single object. External id: {@code uts|artist|track}.
 */
@Component
public class LastFmJsonFormat implements ImportFormat {

    public static final String ID = "lastfm_json";

    private final ImportRowRules rules;

    public LastFmJsonFormat() {
        this(ImportRowRules.systemClock());
    }

    LastFmJsonFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        String text = Sniff.text(head);
        return Sniff.hasKeys(text, "recenttracks") || (Sniff.startsWith(text, '[')
                && Sniff.hasKeys(text, "#text", "uts", "name"));
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        JsonFiles.read(in, parser -> {
            JsonArrayWalker walker = new JsonArrayWalker(parser, sink);
            JsonArrayWalker.RowHandler handler = (rowNumber, row) ->
                    RowEmitter.emitJson(sink, rowNumber, row, raw -> listen(row, raw, context));
            if (walker.current() == JsonToken.START_OBJECT) {
                if (!walker.property("recenttracks", () -> tracksOfPage(walker, handler)) && !sink.cancelled()) {
                    throw new ImportFileException("expected a user.getRecentTracks page with \"recenttracks\"");
                }
                return;
            }
            walker.expect(JsonToken.START_ARRAY, "a recenttracks page or an array of pages");
            // a page holds at most 1000 tracks (the API's limit), so reading one page as a tree stays bounded
            while (walker.next() != JsonToken.END_ARRAY && !sink.cancelled()) {
                JsonNode item = walker.tree();
                JsonNode page = item.path("recenttracks");
                if (page.isObject()) {
                    JsonNode tracks = page.path("track");
                    if (tracks.isMissingNode() || tracks.isNull()) {
                        continue; // an empty page
                    }
                    for (JsonNode track : tracks.isArray() ? tracks : List.of(tracks)) {
                        handler.row(walker.nextRowNumber(), track);
                    }
                } else {
                    handler.row(walker.nextRowNumber(), item);
                }
            }
        });
    }

    private boolean tracksOfPage(JsonArrayWalker walker, JsonArrayWalker.RowHandler handler)
            throws ImportFileException {
        return walker.property("track", () -> {
            if (walker.current() == JsonToken.START_ARRAY) {
                return walker.elements(handler);
            }
            JsonNode single = walker.tree();
            handler.row(walker.nextRowNumber(), single);
            return true;
        }) || true;
    }

    private IncomingListen listen(JsonNode track, String raw, ImportContext context) {
        if (!track.isObject()) {
            throw new RowRejected("a track must be a JSON object");
        }
        if (Json.isTrue(Json.object(track, "@attr"), "nowplaying")) {
            throw new RowSkipped("now playing, not a finished scrobble");
        }
        JsonNode artistNode = track.get("artist");
        String artist = artistNode != null && artistNode.isObject()
                ? first(Json.text(artistNode, "#text"), Json.text(artistNode, "name")) : Json.text(artistNode);
        JsonNode albumNode = track.get("album");
        String album = albumNode != null && albumNode.isObject() ? Json.text(albumNode, "#text") : Json.text(albumNode);
        JsonNode date = track.get("date");
        String uts = date != null && date.isObject() ? Json.text(date, "uts") : Json.text(date);
        String name = Json.text(track, "name");
        String artistMbid = artistNode != null && artistNode.isObject() ? Json.text(artistNode, "mbid") : null;
        return new ImportedListen(rules, context, ID)
                .named("artist", "artist").named("track", "name").named("album", "album").named("listened_at", "date.uts")
                .artist(artist)
                .title(name)
                .album(album)
                .startedAt(Times.epochSeconds("date.uts", uts))
                .recordingMbid(Json.text(track, "mbid"))
                .artistMbids(artistMbid == null ? List.of() : List.of(artistMbid))
                .releaseMbid(albumNode != null && albumNode.isObject() ? Json.text(albumNode, "mbid") : null)
                .externalId(RowKeys.join(uts, artist, name))
                .raw(raw)
                .build();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
