package org.tonearm.imports.internal.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tonearm.listens.ArchivedListen;
import org.tonearm.shared.Instants;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of an account export's {@code listens.jsonl} (docs/formats.md): Tonearm's JSON listen (the native API's
 * listen-in shape) plus what recreating the stored listen needs — channel and origin, identifiers, the raw
 * submission and the reports of other sources it absorbed. Every key is always written (null when unknown).
 */
final class AccountListenLine {

    private AccountListenLine() {}

    static Map<String, Object> of(ArchivedListen l, JsonMapper json) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("listened_at", Instants.format(l.listenedAt()));
        line.put("artist", l.track().primary().name());
        line.put("artists", l.track().artists().stream().map(ArchivedListen.Artist::name).toList());
        line.put("track", l.track().title());
        line.put("album", l.album() == null ? null : l.album().title());
        line.put("duration_played_ms", l.durationPlayedMs());
        line.put("track_length_ms", l.trackLengthMs());
        line.put("service", l.service().wire());
        line.put("channel", l.channel().wire());
        line.put("origin", l.origin());
        line.put("client", l.client());
        line.put("external_id", l.externalId());
        // informative: an importer recomputes both from the played duration and the track length
        line.put("classification", l.classification().name());
        line.put("weight", l.weight());
        line.put("ids", ids(l));
        line.put("extra", extra(l.extra(), json));
        line.put("raw", l.raw());
        List<Map<String, Object>> sources = new ArrayList<>(l.sources().size());
        for (ArchivedListen.Source s : l.sources()) {
            sources.add(source(s));
        }
        line.put("sources", sources);
        return line;
    }

    private static Map<String, Object> ids(ArchivedListen l) {
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("recording_mbid", l.track().mbid());
        ids.put("artist_mbid", l.track().primary().mbid());
        ids.put("release_mbid", l.album() == null ? null : l.album().mbid());
        ids.put("isrc", l.track().isrc());
        ids.put("spotify_id", l.track().spotifyId());
        return ids;
    }

    private static Map<String, Object> source(ArchivedListen.Source s) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("listened_at", Instants.format(s.listenedAt()));
        source.put("duration_played_ms", s.durationPlayedMs());
        source.put("service", s.service().wire());
        source.put("channel", s.channel().wire());
        source.put("origin", s.origin());
        source.put("client", s.client());
        source.put("external_id", s.externalId());
        source.put("raw", s.raw());
        return source;
    }

    /** The stored extra is JSON text written by the funnel; should one not parse, it travels as a string. */
    private static Object extra(String text, JsonMapper json) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return text;
        }
    }
}
