package org.tonearm.integrations.internal.listenbrainz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tonearm.listens.ArchivedListen;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.integrations.internal.listenbrainz.ListensPage.RemoteListen;
import org.tonearm.integrations.internal.scrobbling.PulledText;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

/**
 * How a pulled ListenBrainz listen becomes a listen (docs/formats.md#pulled-from-listenbrainz): channel {@code sync},
 * origin {@code listenbrainz}, {@code listened_at} as the START, {@code additional_info.duration_ms} as the track's
 * length (ListenBrainz has no played duration), the service from {@code additional_info.music_service}, identifiers
 * from {@code additional_info} or else {@code mbid_mapping}, external id {@code listened_at|recording_msid} (else
 * {@code listened_at|artist|track}) like the {@code listenbrainz} import (docs/formats.md).
 */
public final class ListenBrainzListens {

    /** The origin of listens pulled from ListenBrainz (docs/api.md#connections). */
    public static final String ORIGIN = "listenbrainz";

    /** ListenBrainz's music_service values are domains (https://listenbrainz.readthedocs.io, "additional_info"). */
    private static final Map<String, Service> SERVICES = Map.of("spotify.com", Service.SPOTIFY,
            "music.apple.com", Service.APPLE_MUSIC, "music.youtube.com", Service.YOUTUBE_MUSIC,
            "youtube.com", Service.YOUTUBE_MUSIC, "tidal.com", Service.TIDAL, "deezer.com", Service.DEEZER,
            "bandcamp.com", Service.BANDCAMP);

    private ListenBrainzListens() {}

    public static IncomingListen toIncoming(long userId, RemoteListen l) {
        TrackCredit credit = new TrackCredit(l.artist(), TrackCredit.artistList(l.artist(), l.artistNames()),
                l.track(), l.release(), l.durationMs(),
                new Identifiers(l.recordingMbid(), l.artistMbids(), l.releaseMbid(), l.isrc(), l.spotifyId()));
        Service service = l.musicService() == null ? Service.OTHER
                : SERVICES.getOrDefault(l.musicService().toLowerCase(Locale.ROOT), Service.OTHER);
        return new IncomingListen(userId, credit, l.listenedAt() * 1000, TimeStamp.START, null, service, Channel.SYNC,
                ORIGIN, "listenbrainz",
                PulledText.externalId(Long.toString(l.listenedAt()), l.msid() != null ? l.msid() : l.artist() + "|" + l.track()),
                null, l.raw());
    }

    /**
     * A stored listen as one {@code payload} item of {@code POST /1/submit-listens}: {@code listened_at} (the start, in
     * epoch seconds), {@code track_metadata} with the credit's names and what identifiers Tonearm knows.
     */
    public static Map<String, Object> toSubmission(ArchivedListen l) {
        List<String> names = new ArrayList<>();
        List<String> mbids = new ArrayList<>();
        for (ArchivedListen.Artist a : l.track().artists()) {
            names.add(a.name());
            if (a.mbid() != null) {
                mbids.add(a.mbid());
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("submission_client", "Tonearm");
        info.put("artist_names", names);
        if (mbids.size() == names.size() && !mbids.isEmpty()) {
            info.put("artist_mbids", mbids);
        }
        putIfKnown(info, "recording_mbid", l.track().mbid());
        putIfKnown(info, "release_mbid", l.album() == null ? null : l.album().mbid());
        putIfKnown(info, "isrc", l.track().isrc());
        putIfKnown(info, "duration_ms", l.trackLengthMs());
        SERVICES.forEach((domain, service) -> {
            if (service == l.service() && !info.containsKey("music_service")) {
                info.put("music_service", service == Service.YOUTUBE_MUSIC ? "music.youtube.com" : domain);
            }
        });
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("artist_name", names.isEmpty() ? "" : names.size() == 1 ? names.get(0)
                : names.get(0) + " feat. " + String.join(", ", names.subList(1, names.size())));
        meta.put("track_name", l.track().title());
        putIfKnown(meta, "release_name", l.album() == null ? null : l.album().title());
        meta.put("additional_info", info);
        Map<String, Object> listen = new LinkedHashMap<>();
        listen.put("listened_at", l.listenedAt() / 1000);
        listen.put("track_metadata", meta);
        return listen;
    }

    private static void putIfKnown(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
