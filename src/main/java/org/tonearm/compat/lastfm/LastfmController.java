package org.tonearm.compat.lastfm;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Last.fm 2.0 web service (https://www.last.fm/api/rest) at {@code /apis/lastfm/2.0/}, and at {@code /2.0/} for
 * clients that only let the host be changed. One endpoint; the {@code method} parameter (case-insensitive) selects
 * the handler from the route table below. Parameters come as a GET query or a POST form (Last.fm: "write services
 * must be sent as HTTP POST requests ... with form urlencoded parameters"). Unknown methods get error 3.
 */
@RestController
class LastfmController {

    /** One supported method; {@code signed}: Last.fm requires api_sig for it (auth and write methods). */
    private record Route(boolean signed, Function<LastfmCall, Lfm> handler) {}

    private final Map<String, Route> routes;
    private final LastfmGate gate;

    LastfmController(LastfmGate gate, LastfmAuthMethods auth, LastfmTrackMethods track, LastfmUserMethods user,
            LastfmChartMethods charts) {
        this.gate = gate;
        this.routes = Map.ofEntries(
                Map.entry("auth.getmobilesession", new Route(true, auth::getMobileSession)),
                Map.entry("auth.gettoken", new Route(true, auth::getToken)),
                Map.entry("auth.getsession", new Route(true, auth::getSession)),
                Map.entry("track.scrobble", new Route(true, track::scrobble)),
                Map.entry("track.updatenowplaying", new Route(true, track::updateNowPlaying)),
                Map.entry("track.love", new Route(true, track::love)),
                Map.entry("track.unlove", new Route(true, track::unlove)),
                Map.entry("user.getinfo", new Route(false, user::getInfo)),
                Map.entry("user.getrecenttracks", new Route(false, user::getRecentTracks)),
                Map.entry("user.gettopartists", new Route(false, charts::getTopArtists)),
                Map.entry("user.gettoptracks", new Route(false, charts::getTopTracks)),
                Map.entry("user.gettopalbums", new Route(false, charts::getTopAlbums)),
                Map.entry("user.getweeklychartlist", new Route(false, charts::getWeeklyChartList)),
                Map.entry("user.getweeklyartistchart", new Route(false, charts::getWeeklyArtistChart)));
    }

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
        return LastfmRendering.ok(route.handler().apply(call), params.json());
    }
}
