package org.tonearm.compat.listenbrainz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.ArtistRef;
import org.tonearm.catalog.TrackView;
import org.tonearm.listens.NowPlaying;
import org.tonearm.listens.StoredListen;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored listens and now playing → ListenBrainz's listen shape ({@code Listen.to_api}). The names come from the
 * catalog (so corrections and merges show), {@code additional_info} is the kept one plus {@code recording_msid}.
 */
@Component
class ListenBrainzViews {

    private final JsonMapper json;

    ListenBrainzViews(JsonMapper json) {
        this.json = json;
    }

    ListenBrainzWire.Listen listen(StoredListen l, String userName) {
        String msid = msid(l);
        Map<String, Object> info = additionalInfo(l.extra());
        info.put("recording_msid", msid);
        ListenBrainzWire.TrackMetadata metadata = new ListenBrainzWire.TrackMetadata(artistName(l.track()),
                l.track() == null ? null : l.track().title(), l.album() == null ? null : l.album().title(), info);
        return new ListenBrainzWire.Listen(metadata, Math.floorDiv(l.listenedAt(), 1000L), msid, userName,
                Math.floorDiv(l.createdAt(), 1000L));
    }

    /** The recording's msid from the catalog names shown (RecordingMsids); a listen without a track: its own. */
    static String msid(StoredListen l) {
        return l.track() == null ? RecordingMsids.ofListen(l.id())
                : RecordingMsids.ofRecording(artistName(l.track()), l.track().title());
    }

    ListenBrainzWire.PlayingNowListen playingNow(NowPlaying now) {
        Map<String, Object> info = now.extra() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(now.extra());
        return new ListenBrainzWire.PlayingNowListen(new ListenBrainzWire.TrackMetadata(now.credit().artist(),
                now.credit().title(), now.credit().album(), info), true);
    }

    /** The credit as text: primary artists, then " feat. " and the featured ones (how the catalog parsed it). */
    static String artistName(TrackView track) {
        if (track == null || track.artists().isEmpty()) {
            return null;
        }
        List<String> primary = new ArrayList<>();
        List<String> featured = new ArrayList<>();
        for (ArtistRef a : track.artists()) {
            ("featured".equals(a.role().toLowerCase(Locale.ROOT)) ? featured : primary).add(a.name());
        }
        String credit = String.join(", ", primary);
        return featured.isEmpty() ? credit : credit + " feat. " + String.join(", ", featured);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> additionalInfo(String extra) {
        if (extra == null || extra.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            JsonNode node = json.readTree(extra);
            return node.isObject() ? json.treeToValue(node, LinkedHashMap.class) : new LinkedHashMap<>();
        } catch (JacksonException e) {
            return new LinkedHashMap<>();
        }
    }
}
