package org.tonearm.compat.audioscrobbler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.compat.audioscrobbler.AudioscrobblerWire.Submission;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListenSanity;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audioscrobbler submissions to {@link IncomingListen}: {@code i} is the playback start ("The time the track started
 * playing, in UNIX timestamp format"), {@code l} the track length in seconds; album, track number, mbid, source and
 * rating go to {@code extra} ({@code chosenByUser} = source P, as Last.fm 2.0 names it).
 */
final class AudioscrobblerListenMapper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AudioscrobblerListenMapper() {}

    static IncomingListen toIncoming(long userId, Submission s, long startSeconds, Long lengthSeconds, String client) {
        Map<String, Object> extra = extra(s.b(), s.n(), s.m());
        if (s.o() != null) {
            extra.put("source", s.o());
            extra.put("chosenByUser", s.o().startsWith("P") ? "1" : "0");
        }
        if (s.r() != null) {
            extra.put("rating", s.r());
        }
        return new IncomingListen(userId, credit(s.a(), s.t(), s.b(), lengthSeconds, s.m()),
                ListenSanity.secondsToMillis(startSeconds), TimeStamp.START, null, Service.OTHER,
                Channel.AUDIOSCROBBLER_API, null, client, null, extra.isEmpty() ? null : extra, JSON.writeValueAsString(s.asParams()));
    }

    static TrackCredit credit(String artist, String title, String album, Long lengthSeconds, String mbid) {
        return new TrackCredit(artist.strip(), List.of(), title.strip(), album == null ? null : album.strip(),
                lengthSeconds == null ? null : ListenSanity.secondsToMillis(lengthSeconds),
                mbid == null ? Identifiers.NONE : new Identifiers(mbid, List.of(), null, null, null));
    }

    static Map<String, Object> extra(String album, String trackNumber, String mbid) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (album != null) {
            extra.put("album", album);
        }
        if (trackNumber != null) {
            extra.put("trackNumber", trackNumber);
        }
        if (mbid != null) {
            extra.put("mbid", mbid);
        }
        return extra;
    }
}
