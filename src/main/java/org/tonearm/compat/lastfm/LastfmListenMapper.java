package org.tonearm.compat.lastfm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.compat.lastfm.LastfmWire.Scrobble;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListenSanity;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;
import tools.jackson.databind.json.JsonMapper;

/**
 * Last.fm wire records to the funnel's {@link IncomingListen}: {@code timestamp} is the playback start
 * (track.scrobble docs: "The time the track started playing"), {@code duration} the track length in seconds, the
 * played duration is unknown (clients scrobble after their own 50 %/4 min rule). album, albumArtist, mbid,
 * chosenByUser and trackNumber are kept in {@code extra}; the entry's parameters, as JSON, in {@code raw}.
 */
final class LastfmListenMapper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LastfmListenMapper() {}

    static IncomingListen toIncoming(long userId, Scrobble s, long timestampSeconds, Long durationSeconds,
            String client) {
        TrackCredit credit = credit(s.artist(), s.track(), s.album(), durationSeconds, s.mbid());
        return new IncomingListen(userId, credit, ListenSanity.secondsToMillis(timestampSeconds), TimeStamp.START, null, Service.OTHER,
                Channel.LASTFM_API, null, client, null, extra(s.album(), s.albumArtist(), s.mbid(), s.chosenByUser(),
                        s.trackNumber()), JSON.writeValueAsString(s.asParams()));
    }

    static TrackCredit credit(String artist, String track, String album, Long durationSeconds, String mbid) {
        Identifiers ids = mbid == null ? Identifiers.NONE : new Identifiers(mbid, List.of(), null, null, null);
        return new TrackCredit(artist.strip(), List.of(), track.strip(), album == null ? null : album.strip(),
                durationSeconds == null ? null : ListenSanity.secondsToMillis(durationSeconds), ids);
    }

    static Map<String, Object> extra(String album, String albumArtist, String mbid, String chosenByUser,
            String trackNumber) {
        Map<String, Object> extra = new LinkedHashMap<>();
        putIf(extra, "album", album);
        putIf(extra, "albumArtist", albumArtist);
        putIf(extra, "mbid", mbid);
        putIf(extra, "chosenByUser", chosenByUser);
        putIf(extra, "trackNumber", trackNumber);
        return extra.isEmpty() ? null : extra;
    }

    private static void putIf(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
