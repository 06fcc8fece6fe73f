package org.tonearm.integrations.internal.lastfm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.tonearm.integrations.ExternalHttp;
import org.tonearm.integrations.ExternalRequest;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Last.fm 2.0 API as published (https://www.last.fm/api), over the one resilient client. Only the calls a sync
 * and a mirror need: {@code user.getRecentTracks}, the web-auth {@code auth.getSession} and {@code track.scrobble}.
 * Every failure ends as a {@link RemoteFailure} whose kind says what the caller does next.
 */
@Component
public class LastFmClient {

    /** user.getRecentTracks allows limit ≤ 200 (https://www.last.fm/api/show/user.getRecentTracks). */
    public static final int PAGE_SIZE = 200;
    /** track.scrobble takes at most 50 scrobbles per request (https://www.last.fm/api/show/track.scrobble). */
    public static final int MAX_SCROBBLES_PER_REQUEST = 50;
    private static final String ROOT = "/2.0/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExternalHttp http;
    private final LastFmProperties properties;

    public LastFmClient(ExternalHttp http, LastFmProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    public LastFmProperties properties() {
        return properties;
    }

    /**
     * One page of a user's scrobbles, newest first. {@code from}/{@code to} are epoch seconds (null = open). The
     * now-playing entry Last.fm puts on top ({@code @attr.nowplaying="true"}) is not a listen and is left out.
     */
    public RecentTracksPage recentTracks(String user, int page, Long from, Long to) {
        StringBuilder uri = new StringBuilder(ROOT
                + "?method=user.getrecenttracks&user={user}&limit={limit}&page={page}&extended=0&format=json&api_key={key}");
        List<Object> vars = new ArrayList<>(List.of(user, PAGE_SIZE, page, apiKey()));
        if (from != null) {
            uri.append("&from={from}");
            vars.add(from);
        }
        if (to != null) {
            uri.append("&to={to}");
            vars.add(to);
        }
        JsonNode body = call(ExternalRequest.get(uri.toString(), vars.toArray()));
        return RecentTracksPage.parse(body);
    }

    /** Where the user approves Tonearm; Last.fm then redirects to {@code callback} with {@code ?token=…}. */
    public String authorizeUrl(String callback) {
        return properties.authUrl() + "?api_key=" + encode(apiKey()) + "&cb=" + encode(callback);
    }

    /** Exchanges the approved web-auth token for a session key, which does not expire (authspec §4). */
    public Session session(String token) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", "auth.getSession");
        params.put("api_key", apiKey());
        params.put("token", token);
        JsonNode body = call(ExternalRequest.get(ROOT + "?method=auth.getSession&api_key={key}&token={token}"
                + "&api_sig={sig}&format=json", apiKey(), token, LastFmSignature.sign(params, secret())));
        JsonNode session = body.path("session");
        String name = session.path("name").asString(null);
        String key = session.path("key").asString(null);
        if (name == null || key == null) {
            throw new RemoteFailure(Kind.TRANSIENT, "Last.fm answered auth.getSession without a session", null, null);
        }
        return new Session(name, key);
    }

    public record Session(String user, String key) {}

    /**
     * Sends up to {@value #MAX_SCROBBLES_PER_REQUEST} scrobbles with a session key. A POST Last.fm cannot dedupe
     * (no idempotency key), so it is never retried by the client: the outbox decides (docs/api.md#connections).
     */
    public List<ScrobbleOutcome> scrobble(String sessionKey, List<Scrobble> scrobbles) {
        if (scrobbles.isEmpty() || scrobbles.size() > MAX_SCROBBLES_PER_REQUEST) {
            throw new IllegalArgumentException("1 to " + MAX_SCROBBLES_PER_REQUEST + " scrobbles per request");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", "track.scrobble");
        params.put("api_key", apiKey());
        params.put("sk", sessionKey);
        for (int i = 0; i < scrobbles.size(); i++) {
            Scrobble s = scrobbles.get(i);
            params.put("artist[" + i + "]", s.artist());
            params.put("track[" + i + "]", s.track());
            params.put("timestamp[" + i + "]", Long.toString(s.timestamp()));
            if (s.album() != null) {
                params.put("album[" + i + "]", s.album());
            }
            if (s.durationSeconds() != null) {
                params.put("duration[" + i + "]", Long.toString(s.durationSeconds()));
            }
            if (s.mbid() != null) {
                params.put("mbid[" + i + "]", s.mbid());
            }
        }
        params.put("api_sig", LastFmSignature.sign(params, secret()));
        params.put("format", "json");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        params.forEach(form::add);
        JsonNode body = call(ExternalRequest.post(ROOT, form).contentType(MediaType.APPLICATION_FORM_URLENCODED));
        return ScrobbleOutcome.parse(body, scrobbles.size());
    }

    /** One scrobble to send; {@code timestamp} is the start of the play in epoch seconds (UTC). */
    public record Scrobble(String artist, String track, String album, long timestamp, Long durationSeconds,
            String mbid) {}

    /** Last.fm's verdict on one scrobble: accepted, or ignored with its {@code ignoredMessage} code and text. */
    public record ScrobbleOutcome(boolean accepted, int ignoredCode, String ignoredMessage) {

        static List<ScrobbleOutcome> parse(JsonNode body, int sent) {
            JsonNode scrobbles = body.path("scrobbles");
            if (scrobbles.isMissingNode()) {
                throw new RemoteFailure(Kind.TRANSIENT, "Last.fm answered track.scrobble without scrobbles", null,
                        null);
            }
            List<JsonNode> items = RecentTracksPage.list(scrobbles.path("scrobble"));
            List<ScrobbleOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                JsonNode ignored = i < items.size() ? items.get(i).path("ignoredMessage") : null;
                int code = ignored == null ? 0 : ignored.path("code").asInt(0);
                outcomes.add(new ScrobbleOutcome(code == 0, code,
                        ignored == null ? null : ignored.path("#text").asString(null)));
            }
            return outcomes;
        }
    }

    private JsonNode call(ExternalRequest request) {
        JsonNode body;
        try {
            body = http.exchange(ExternalService.LASTFM, request, JsonNode.class);
        } catch (ExternalServiceException e) {
            JsonNode error = parse(e.upstreamBody());
            if (error != null && error.has("error")) {
                throw failure(error, e);
            }
            throw RemoteFailure.of(e);
        }
        if (body == null || !body.isObject()) {
            throw new RemoteFailure(Kind.TRANSIENT, "Last.fm answered with an empty or non-object body", null, null);
        }
        if (body.has("error")) { // Last.fm sometimes reports an error with 200 OK
            throw failure(body, null);
        }
        return body;
    }

    /**
     * Last.fm's error codes (https://www.last.fm/api/errorcodes): 8 operation failed, 11 service offline, 16 temporary
     * error = try later; 29 rate limit; 4 authentication failed, 9 invalid session key, 14/15 token not authorized or
     * expired = authorize again; 6 invalid parameters (on user.getRecentTracks: "User not found").
     */
    static RemoteFailure failure(JsonNode error, ExternalServiceException cause) {
        int code = error.path("error").asInt(0);
        String message = "Last.fm error " + code + ": " + error.path("message").asString("");
        Kind kind = switch (code) {
            case 8, 11, 16 -> Kind.TRANSIENT;
            case 29 -> Kind.RATE_LIMITED;
            case 4, 9, 14, 15 -> Kind.NEEDS_REAUTH;
            case 6 -> Kind.NOT_FOUND;
            default -> Kind.REJECTED;
        };
        return new RemoteFailure(kind, message, cause == null ? null : cause.retryAfter(), cause);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return null; // an HTML error page: the status alone says what happened
        }
    }

    private String apiKey() {
        if (properties.apiKey() == null) {
            throw new RemoteFailure(Kind.REJECTED,
                    "Last.fm is not configured on this server (tonearm.integrations.lastfm.api-key)", null, null);
        }
        return properties.apiKey();
    }

    private String secret() {
        if (properties.apiSecret() == null) {
            throw new RemoteFailure(Kind.REJECTED,
                    "Last.fm signing is not configured on this server (tonearm.integrations.lastfm.api-secret)", null,
                    null);
        }
        return properties.apiSecret();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
