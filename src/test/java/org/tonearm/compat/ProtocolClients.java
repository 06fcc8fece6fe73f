package org.tonearm.compat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tonearm.testsupport.Api;
import tools.jackson.databind.JsonNode;

/**
 * One user speaking every listen-in protocol as its clients do (native API, ListenBrainz, Last.fm 2.0,
 * Audioscrobbler 1.2), for tests that send the same input through each channel. Bodies are built by the caller.
 */
public final class ProtocolClients {

    private final Api anonymous;
    private final Api.User user;
    private final String token;
    private String lastfmSession;
    private String audioscrobblerSession;

    public ProtocolClients(Api api) {
        this.anonymous = api;
        this.user = api.newUser();
        Api.Response created = user.api().post("/api/v1/me/tokens", Map.of("name", "protocols"));
        if (created.status() != 201) {
            throw new IllegalStateException(created.status() + " " + created.body());
        }
        this.token = created.json().path("token").asString();
    }

    public Api.User user() {
        return user;
    }

    public Api.Response nativeApi(Object body) {
        return user.api().post("/api/v1/listens", body);
    }

    /** {@code POST <prefix>/submit-listens} with the raw JSON body; prefix {@code /1} or {@code /apis/listenbrainz/1}. */
    public Api.Response listenBrainz(String prefix, String path, String body) {
        return anonymous.auth("Token " + token).send("POST", prefix + path, body, "application/json");
    }

    public Api.Response listenBrainz(String body) {
        return listenBrainz("/apis/listenbrainz/1", "/submit-listens", body);
    }

    /** A Last.fm 2.0 call (form POST) with the user's session key added. */
    public Api.Response lastfm(Map<String, String> params) {
        if (lastfmSession == null) {
            Api.Response r = post("/apis/lastfm/2.0/", Map.of("method", "auth.getMobileSession", "api_key",
                    "0123456789abcdef0123456789abcdef", "username", user.username(), "password", token,
                    "format", "json"));
            lastfmSession = r.json().path("session").path("key").asString();
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(params);
        all.put("api_key", "0123456789abcdef0123456789abcdef");
        all.put("sk", lastfmSession);
        return post("/apis/lastfm/2.0/", all);
    }

    /** An Audioscrobbler 1.2 submission (form POST) with the handshake's session added. */
    public Api.Response audioscrobbler(Map<String, String> params) {
        if (audioscrobblerSession == null) {
            long t = System.currentTimeMillis() / 1000;
            String a = md5(md5(token) + t);
            String body = anonymous.get("/apis/audioscrobbler/?hs=true&p=1.2&c=tst&v=1.0&u=" + user.username()
                    + "&t=" + t + "&a=" + a).body();
            audioscrobblerSession = body.split("\n")[1];
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(params);
        all.put("s", audioscrobblerSession);
        return post("/apis/audioscrobbler/submissions", all);
    }

    /** Every stored listen of the user, as the native API shows it. */
    public List<JsonNode> stored() {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response r = user.api().get("/api/v1/listens?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            if (r.status() != 200) {
                throw new IllegalStateException(r.status() + " " + r.body());
            }
            r.json().path("listens").values().forEach(out::add);
            JsonNode next = r.json().path("next_cursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (cursor != null);
        return out;
    }

    private Api.Response post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return anonymous.send("POST", path, body, "application/x-www-form-urlencoded");
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
