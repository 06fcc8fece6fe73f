package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tonearm.testsupport.Api;
import tools.jackson.databind.JsonNode;

/** Request bodies and read-backs shared by the native listens API tests. */
final class ListenFixtures {

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private ListenFixtures() {}

    /** A valid listen {@code minutes} after {@link #T0}, with a 3 minute played duration. */
    static Map<String, Object> listen(String artist, String track, int minutes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("artist", artist);
        m.put("track", track);
        m.put("listened_at", T0.plusSeconds(60L * minutes).toString());
        m.put("duration_played_ms", 180_000);
        return m;
    }

    static Map<String, Object> with(Map<String, Object> listen, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(listen);
        copy.put(key, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> listen, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(listen);
        copy.remove(key);
        return copy;
    }

    static Map<String, Object> batch(List<Map<String, Object>> listens) {
        return Map.of("listens", listens);
    }

    static long create(Api api, Map<String, Object> listen) {
        Api.Response r = api.post("/api/v1/listens", listen);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("listen").path("id").asLong();
    }

    /** Every listen of the caller, newest first, following cursors to the end. */
    static List<JsonNode> all(Api api, String query) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            String q = "/api/v1/listens?limit=1000" + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + cursor);
            Api.Response r = api.get(q);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().path("listens").values().forEach(out::add);
            JsonNode next = r.json().path("next_cursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (cursor != null);
        return out;
    }

    static List<JsonNode> all(Api api) {
        return all(api, "");
    }

    static List<String> titles(List<JsonNode> listens) {
        return listens.stream().map(l -> l.path("track").path("title").asString()).toList();
    }

    static List<Long> ids(List<JsonNode> listens) {
        return listens.stream().map(l -> l.path("id").asLong()).toList();
    }

    /** The field names of a problem+json body's {@code errors}. */
    static List<String> errorFields(Api.Response r) {
        return r.json().path("errors").values().stream().map(e -> e.path("field").asString()).toList();
    }
}
