package org.tonearm.compat.listenbrainz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.tonearm.testsupport.Api;
import tools.jackson.databind.JsonNode;

/** A test user with a ListenBrainz-style API token, talking to the real server over HTTP. */
record ListenBrainzClient(Api.User user, String token, Api lb, Api anonymous) {

    static final String BASE = "/apis/listenbrainz/1";

    /** A fresh user with a token of {@code scopes} (null: all scopes). */
    static ListenBrainzClient create(Api api, List<String> scopes) {
        Api.User user = api.newUser();
        Map<String, Object> request = scopes == null ? Map.of("name", "lb") : Map.of("name", "lb", "scopes", scopes);
        Api.Response created = user.api().post("/api/v1/me/tokens", request);
        if (created.status() != 201) {
            throw new IllegalStateException("token creation failed: " + created.status() + " " + created.body());
        }
        String token = created.json().path("token").asString();
        return new ListenBrainzClient(user, token, api.auth("Token " + token), api);
    }

    static ListenBrainzClient create(Api api) {
        return create(api, null);
    }

    String name() {
        return user.username();
    }

    Api.Response submit(String body) {
        return lb.send("POST", BASE + "/submit-listens", body, "application/json");
    }

    Api.Response submitFixture(String fixture) {
        return submit(fixture(fixture));
    }

    Api.Response listens(String query) {
        return lb.get(BASE + "/user/" + name() + "/listens" + query);
    }

    void makePublic() {
        Api.Response r = user.api().patch("/api/v1/me", Map.of("profile_visibility", "PUBLIC"));
        if (r.status() != 200) {
            throw new IllegalStateException("could not make the profile public: " + r.status() + " " + r.body());
        }
    }

    /** A listen JSON object with the given time and names (for building bodies in tests). */
    static String listen(long listenedAt, String artist, String track) {
        return "{\"listened_at\": " + listenedAt + ", \"track_metadata\": {\"artist_name\": \"" + artist
                + "\", \"track_name\": \"" + track + "\"}}";
    }

    static String single(String listen) {
        return "{\"listen_type\": \"single\", \"payload\": [" + listen + "]}";
    }

    static String fixture(String name) {
        try (InputStream in = ListenBrainzClient.class.getResourceAsStream("/fixtures/listenbrainz/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Api.Response r) {
        return r.json();
    }
}
