package org.tonearm.compat.lastfm;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.AccessRule;
import org.tonearm.identity.Credential;
import org.tonearm.identity.ProtocolMethodAccess;
import org.tonearm.identity.Scopes;

/**
 * The Last.fm 2.0 web service (https://www.last.fm/api/rest) at {@code /apis/lastfm/2.0/}, and at {@code /2.0/} for
 * clients that only let the host be changed. One endpoint; the {@code method} parameter (case-insensitive) selects
 * the handler from the route table below. Parameters come as a GET query or a POST form (Last.fm: "write services
 * must be sent as HTTP POST requests ... with form urlencoded parameters"). Unknown methods get error 3.
 */
@RestController
class LastfmController implements ProtocolMethodAccess {

    /**
     * One supported method; {@code signed}: Last.fm requires api_sig for it (auth and write methods); {@code rule}:
     * who may call it, the method's one access declaration (docs/api.md#who-may-call-what), checked below before
     * the method runs.
     */
    record Route(boolean signed, AccessRule rule, Function<LastfmCall, Lfm> handler) {}

    /** The auth methods: anyone (they check the user's password or API token themselves). */
    private static final AccessRule OPEN = new AccessRule(Credential.NONE, List.of(), false, false);
    /** Writes: a session key whose API token holds listens:write (else error 4). */
    private static final AccessRule WRITE = new AccessRule(Credential.PROTOCOL_SESSION, List.of(Scopes.LISTENS_WRITE),
            false, false);
    /** Reads: anyone for a PUBLIC profile; the owner's session with listens:read for a PRIVATE one. */
    private static final AccessRule READ = new AccessRule(Credential.NONE, List.of(Scopes.LISTENS_READ), false, false);
    /** Charts: as reads, with stats:read or listens:read. */
    private static final AccessRule CHARTS = new AccessRule(Credential.NONE,
            List.of(Scopes.STATS_READ, Scopes.LISTENS_READ), true, false);

    private final Map<String, Route> routes;
    private final LastfmGate gate;

    LastfmController(LastfmGate gate, LastfmAuthMethods auth, LastfmTrackMethods track, LastfmUserMethods user,
            LastfmChartMethods charts) {
        this.gate = gate;
        this.routes = Map.ofEntries(
                Map.entry("auth.getmobilesession", new Route(true, OPEN, auth::getMobileSession)),
                Map.entry("auth.gettoken", new Route(true, OPEN, auth::getToken)),
                Map.entry("auth.getsession", new Route(true, OPEN, auth::getSession)),
                Map.entry("track.scrobble", new Route(true, WRITE, track::scrobble)),
                Map.entry("track.updatenowplaying", new Route(true, WRITE, track::updateNowPlaying)),
                Map.entry("track.love", new Route(true, WRITE, track::love)),
                Map.entry("track.unlove", new Route(true, WRITE, track::unlove)),
                Map.entry("user.getinfo", new Route(false, READ, user::getInfo)),
                Map.entry("user.getrecenttracks", new Route(false, READ, user::getRecentTracks)),
                Map.entry("user.gettopartists", new Route(false, CHARTS, charts::getTopArtists)),
                Map.entry("user.gettoptracks", new Route(false, CHARTS, charts::getTopTracks)),
                Map.entry("user.gettopalbums", new Route(false, CHARTS, charts::getTopAlbums)),
                Map.entry("user.getweeklychartlist", new Route(false, CHARTS, charts::getWeeklyChartList)),
                Map.entry("user.getweeklyartistchart", new Route(false, CHARTS, charts::getWeeklyArtistChart)));
    }

    /** Each method's access rule, for the scope table of docs/api.md and its test. */
    @Override
    public Map<String, AccessRule> rules() {
        Map<String, AccessRule> rules = new TreeMap<>();
        routes.forEach((name, route) -> rules.put(name, route.rule()));
        return rules;
    }

    @Override
    public String endpoint() {
        return "/apis/lastfm/2.0/ (also /2.0/)";
    }

    @Access(credential = Credential.NONE) // per method: the route table above
    @RequestMapping(path = {"/apis/lastfm/2.0", "/apis/lastfm/2.0/", "/2.0", "/2.0/"},
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> call(HttpServletRequest request) {
        LastfmParams params = LastfmParams.of(request.getParameterMap());
        String method = params.method();
        if (method == null) {
            throw LastfmException.missing("method");
        }
        Route route = routes.get(method);
        if (route == null) {
            throw new LastfmException(LastfmError.INVALID_METHOD);
        }
        LastfmCall call = gate.admit(params, route.signed());
        AccessRule rule = route.rule();
        if (rule.credential() == Credential.PROTOCOL_SESSION) {
            call = call.admitted(rule, gate.requireSession(call, rule));
        } else {
            // a read names its user; the owner of a PRIVATE profile identifies with an optional sk (bad sk: error 9)
            call = call.admitted(rule, rule.scopes().isEmpty() ? null : gate.optionalSession(call).orElse(null));
        }
        return LastfmRendering.ok(route.handler().apply(call), params.json());
    }
}
