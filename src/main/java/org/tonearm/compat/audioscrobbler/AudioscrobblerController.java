package org.tonearm.compat.audioscrobbler;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tonearm.compat.audioscrobbler.AudioscrobblerWire.Handshake;
import org.tonearm.compat.audioscrobbler.AudioscrobblerWire.NowPlaying;
import org.tonearm.compat.audioscrobbler.AudioscrobblerWire.Submission;
import org.tonearm.compat.lastfm.ProtocolSessions.Protocol;
import org.tonearm.compat.lastfm.ProtocolSessions.SessionUser;
import org.tonearm.compat.lastfm.ProtocolSessions;
import org.tonearm.identity.Access;
import org.tonearm.identity.AccessRule;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.LegacyCredentialVerifier.LegacyLogin;
import org.tonearm.identity.LegacyCredentialVerifier;
import org.tonearm.identity.Scopes;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.ListenSanity;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.NowPlayingService;
import org.tonearm.listens.Service;

/**
 * Audioscrobbler Realtime Submission Protocol 1.2 / 1.2.1 (http://www.audioscrobbler.net/development/protocol/) at
 * {@code /apis/audioscrobbler/}, for old players (mpdscribble, foobar2000 plugins, …). Its full route table:
 * <ul>
 *   <li>{@code GET /apis/audioscrobbler/?hs=true&p=1.2&c&v&u&t&a} — handshake; replies
 *       {@code OK\n<session>\n<now-playing url>\n<submission url>\n}, {@code BADAUTH}, {@code BADTIME}, {@code FAILED …};</li>
 *   <li>{@code POST /apis/audioscrobbler/nowplaying} — {@code OK} or {@code BADSESSION};</li>
 *   <li>{@code POST /apis/audioscrobbler/submissions} — up to 50 tracks; {@code OK}, {@code BADSESSION}, {@code FAILED …}.</li>
 * </ul>
 * Token auth {@code a = md5(md5(secret) + t)} works with an API token as the secret (a bcrypt password hash cannot
 * check it); 1.2.1's web-service auth ({@code api_key} + {@code sk} of a Last.fm session) works too.
 */
@RestController
@RequestMapping("/apis/audioscrobbler")
class AudioscrobblerController {

    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private final ProtocolSessions sessions;
    private final LegacyCredentialVerifier credentials;
    private final ListenService listens;
    private final NowPlayingService nowPlaying;

    AudioscrobblerController(ProtocolSessions sessions, LegacyCredentialVerifier credentials, ListenService listens,
            NowPlayingService nowPlaying) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.listens = listens;
        this.nowPlaying = nowPlaying;
    }

    @Access(credential = Credential.PROTOCOL_SESSION, scopes = Scopes.LISTENS_WRITE) // the handshake opens the session
    @RequestMapping(path = {"", "/"}, method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> handshake(HttpServletRequest request) {
        Handshake hs = Handshake.of(params(request));
        if (!"true".equalsIgnoreCase(hs.hs())) {
            // "Hits ... without this variable set will return a human-readable informational message."
            return text("Tonearm speaks the Audioscrobbler 1.2 protocol here. Point your player's handshake URL at "
                    + "this address; see docs/clients.md.\n");
        }
        AudioscrobblerValidator.checkVersion(hs.p());
        String user = AudioscrobblerValidator.required(hs.u(), "u");
        long t = AudioscrobblerValidator.seconds(hs.t(), "t");
        String client = AudioscrobblerValidator.required(hs.c(), "c");
        AudioscrobblerValidator.required(hs.a(), "a");
        AudioscrobblerValidator.checkClock(t, System.currentTimeMillis());
        AccessRule rule = AccessRule.current(request);
        LegacyLogin login = authenticate(hs).filter(l -> rule.scopesHeldBy(l.user().scopes()))
                .orElseThrow(AudioscrobblerException::badAuth);
        String session = sessions.open(login, Protocol.AUDIOSCROBBLER, client);
        String base = ServletUriComponentsBuilder.fromContextPath(request).path("/apis/audioscrobbler/").toUriString();
        return text("OK\n" + session + "\n" + base + "nowplaying\n" + base + "submissions\n");
    }

    private Optional<LegacyLogin> authenticate(Handshake hs) {
        if (hs.sk() != null && !hs.sk().isBlank()) {
            // 1.2.1 web-service authentication: the Last.fm session key stands for the user
            return sessions.resolve(hs.sk(), Protocol.LASTFM)
                    .filter(s -> s.username().equalsIgnoreCase(hs.u().trim()))
                    .map(s -> new LegacyLogin(new AuthenticatedUser(s.userId(), s.username(), s.profile().role(),
                            s.scopes(), true), null));
        }
        return credentials.audioscrobblerToken(hs.u(), hs.t(), hs.a());
    }

    @Access(credential = Credential.PROTOCOL_SESSION, scopes = Scopes.LISTENS_WRITE)
    @PostMapping({"/nowplaying", "/nowplaying/"})
    ResponseEntity<String> nowPlaying(HttpServletRequest request) {
        NowPlaying np = NowPlaying.of(params(request));
        SessionUser user = session(np.s(), AccessRule.current(request));
        String artist = AudioscrobblerValidator.required(np.a(), "a");
        String title = AudioscrobblerValidator.required(np.t(), "t");
        Long length = AudioscrobblerValidator.optionalSeconds(np.l(), "l");
        // never a stored listen: only the shared now playing (issue #5)
        nowPlaying.update(user.userId(),
                AudioscrobblerListenMapper.credit(artist, title, np.b(), length, np.m()), Service.OTHER,
                Channel.AUDIOSCROBBLER_API, user.client(), AudioscrobblerListenMapper.extra(np.b(), np.n(), np.m()));
        return text("OK\n");
    }

    @Access(credential = Credential.PROTOCOL_SESSION, scopes = Scopes.LISTENS_WRITE)
    @PostMapping({"/submissions", "/submissions/"})
    ResponseEntity<String> submissions(HttpServletRequest request) {
        Map<String, String> params = params(request);
        SessionUser user = session(params.get("s"), AccessRule.current(request));
        List<Submission> submissions = AudioscrobblerWire.submissions(params);
        AudioscrobblerValidator.checkBatchSize(submissions);
        List<IncomingListen> batch = new ArrayList<>();
        for (Submission s : submissions) {
            AudioscrobblerValidator.checkRequired(s);
            long start = AudioscrobblerValidator.seconds(s.i(), "i[" + s.index() + "]");
            Long length = AudioscrobblerValidator.lengthSeconds(s.l(), "l[" + s.index() + "]");
            if (AudioscrobblerValidator.isPlay(s)) {
                IncomingListen listen = AudioscrobblerListenMapper.toIncoming(user.userId(), s, start, length,
                        user.client());
                // the protocol answers a submission as a whole: one insane track fails it before anything is stored
                ListenSanity.check(listen).ifPresent(r -> {
                    throw AudioscrobblerValidator.refused(s, r);
                });
                batch.add(listen);
            }
        }
        listens.ingestBatch(batch).stream().filter(IngestResult::isRefused).findFirst().ifPresent(r -> {
            throw AudioscrobblerException.failed("Track refused: " + r.refusal().field() + " " + r.refusal().message());
        });
        return text("OK\n");
    }

    /** The session {@code s}, whose credential must hold the route's scopes (its {@code @Access} rule): else BADSESSION. */
    private SessionUser session(String s, AccessRule rule) {
        return sessions.resolve(s, Protocol.AUDIOSCROBBLER).filter(u -> rule.scopesHeldBy(u.scopes()))
                .orElseThrow(AudioscrobblerException::badSession);
    }

    private static Map<String, String> params(HttpServletRequest request) {
        Map<String, String> params = new TreeMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
        return params;
    }

    static ResponseEntity<String> text(String body) {
        return ResponseEntity.ok().contentType(TEXT).body(body);
    }
}
