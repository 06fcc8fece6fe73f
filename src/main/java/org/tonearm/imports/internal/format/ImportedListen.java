package org.tonearm.imports.internal.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.imports.ImportContext;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

/**
 * Collects one row's values and builds the {@link IncomingListen} (channel IMPORT, origin = the format id),
 * checking every value against {@link ImportRowRules} — so each format only says where its values are.
 */
final class ImportedListen {

    private final ImportRowRules rules;
    private final long userId;
    private final String origin;
    private String artist;
    private List<String> artists = List.of();
    private String title;
    private String album;
    private Long lengthMs;
    private Long listenedAtMs;
    private TimeStamp stamp = TimeStamp.START;
    private Long playedMs;
    private Service service = Service.OTHER;
    private String externalId;
    private String client;
    private String recordingMbid;
    private List<String> artistMbids = List.of();
    private String releaseMbid;
    private String isrc;
    private String spotifyId;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private final Map<String, String> namesInFile = new HashMap<>();
    private String raw;

    ImportedListen(ImportRowRules rules, ImportContext context, String origin) {
        this.rules = rules;
        this.userId = context.userId();
        this.origin = origin;
    }

    /**
     * The file's own name of a value ({@code "artist"} is {@code "artistName"} in a Spotify account history), so a
     * row's error names the field its user sees in the file: {@code trackName is missing}. Unnamed values keep the
     * native API's names ({@code artist, track, album, listened_at, duration_played_ms, track_length_ms}).
     */
    ImportedListen named(String field, String nameInFile) { namesInFile.put(field, nameInFile); return this; }

    ImportedListen artist(String value) { artist = value; return this; }
    ImportedListen artists(List<String> values) { artists = values == null ? List.of() : values; return this; }
    ImportedListen title(String value) { title = value; return this; }
    ImportedListen album(String value) { album = value; return this; }
    ImportedListen lengthMs(Long value) { lengthMs = value; return this; }
    ImportedListen playedMs(Long value) { playedMs = value; return this; }
    ImportedListen service(Service value) { service = value; return this; }
    ImportedListen externalId(String value) { externalId = value; return this; }
    /** Only Tonearm's own formats carry a client (a move between instances keeps it); other imports have none. */
    ImportedListen client(String value) { client = value; return this; }
    ImportedListen recordingMbid(String value) { recordingMbid = blankToNull(value); return this; }
    ImportedListen artistMbids(List<String> values) { artistMbids = values == null ? List.of() : values; return this; }
    ImportedListen releaseMbid(String value) { releaseMbid = blankToNull(value); return this; }
    ImportedListen isrc(String value) { isrc = blankToNull(value); return this; }
    ImportedListen spotifyId(String value) { spotifyId = blankToNull(value); return this; }
    ImportedListen raw(String value) { raw = value; return this; }

    ImportedListen startedAt(long epochMs) {
        listenedAtMs = epochMs;
        stamp = TimeStamp.START;
        return this;
    }

    ImportedListen endedAt(long epochMs) {
        listenedAtMs = epochMs;
        stamp = TimeStamp.END;
        return this;
    }

    /** Keeps a notable source field in {@code extra}; null values are left out. */
    ImportedListen extra(String key, Object value) {
        if (value != null) {
            extra.put(key, value);
        }
        return this;
    }

    IncomingListen build() {
        String checkedArtist = rules.requiredName(name("artist"), artist);
        String checkedTitle = rules.requiredName(name("track"), title);
        String checkedAlbum = rules.optionalName(name("album"), album);
        List<String> checkedArtists = new ArrayList<>();
        for (String name : artists) {
            String checked = rules.optionalName(name("artists"), name);
            if (checked != null) {
                checkedArtists.add(checked);
            }
        }
        if (listenedAtMs == null) {
            throw new RowRejected(name("listened_at") + " is missing");
        }
        long at = rules.listenedAt(name("listened_at"), listenedAtMs);
        Long played = rules.duration(name("duration_played_ms"), playedMs);
        Long length = rules.duration(name("track_length_ms"), lengthMs);
        if (length != null && length == 0) {
            length = null; // several exports write 0 for "unknown length"
        }
        if (played != null && played == 0) {
            // a row played for 0 ms (Spotify's skipped tracks) is no play; the funnel would refuse it (ListenSanity)
            throw new RowSkipped("not played (0 ms)");
        }
        String checkedClient = rules.optionalText("client", client, ImportRowRules.MAX_CLIENT_LENGTH);
        String checkedExternalId = rules.optionalText("external_id", externalId, ImportRowRules.MAX_EXTERNAL_ID_LENGTH);
        Identifiers ids = new Identifiers(recordingMbid, artistMbids, releaseMbid, isrc, spotifyId);
        TrackCredit credit = new TrackCredit(checkedArtist, checkedArtists, checkedTitle, checkedAlbum, length, ids);
        return new IncomingListen(userId, credit, at, stamp, played, service, Channel.IMPORT, origin, checkedClient,
                checkedExternalId, extra.isEmpty() ? null : Map.copyOf(extra), raw);
    }

    private String name(String field) {
        return namesInFile.getOrDefault(field, field);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
