package org.tonearm.compat.listenbrainz;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.compat.listenbrainz.ListenBrainzSubmissionValidator.Submission;
import org.tonearm.compat.listenbrainz.ListenBrainzWire.CountPayload;
import org.tonearm.compat.listenbrainz.ListenBrainzWire.Envelope;
import org.tonearm.compat.listenbrainz.ListenBrainzWire.ListensPayload;
import org.tonearm.compat.listenbrainz.ListenBrainzWire.PlayingNowPayload;
import org.tonearm.compat.listenbrainz.ListenBrainzWire.Status;
import org.tonearm.compat.listenbrainz.ListenBrainzWire.TokenValidity;
import org.tonearm.identity.Access;
import org.tonearm.identity.ApiTokenAuthenticator;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.UserProfile;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.ListenHistory;
import org.tonearm.listens.ListenSanity;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.NowPlaying;
import org.tonearm.listens.NowPlayingService;
import org.tonearm.listens.StoredListen;
import static org.tonearm.compat.listenbrainz.ListenBrainzApiException.badRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ListenBrainz API route table (listenbrainz.readthedocs.io "Core API Endpoints"), answered at
 * {@code /apis/listenbrainz/1/…} and, for clients that can change only the host (liblistenbrainz), at {@code /1/…}.
 * Translation only: every listen goes to the funnel, now playing to the shared {@link NowPlayingService}.
 */
@RestController
@RequestMapping({ListenBrainzController.API_PREFIX, ListenBrainzController.ROOT_PREFIX})
class ListenBrainzController {

    static final String API_PREFIX = "/apis/listenbrainz/1";
    static final String ROOT_PREFIX = "/1";
    /** api_tools.py DEFAULT_ITEMS_PER_GET and MAX_ITEMS_PER_GET. */
    static final int DEFAULT_ITEMS_PER_GET = 25;
    static final int MAX_ITEMS_PER_GET = 1000;

    private final ApiTokenAuthenticator tokens;
    private final ListenBrainzSubmissionValidator submissions;
    private final ListenBrainzListenMapper mapper;
    private final ListenBrainzProfiles profiles;
    private final ListenBrainzViews views;
    private final ListenBrainzStats stats;
    private final ListenService listens;
    private final ListenHistory history;
    private final NowPlayingService nowPlaying;
    private final JsonMapper json;

    ListenBrainzController(ApiTokenAuthenticator tokens,
            ListenBrainzSubmissionValidator submissions, ListenBrainzListenMapper mapper, ListenBrainzProfiles profiles,
            ListenBrainzViews views, ListenBrainzStats stats, ListenService listens, ListenHistory history,
            NowPlayingService nowPlaying, JsonMapper json) {
        this.tokens = tokens;
        this.submissions = submissions;
        this.mapper = mapper;
        this.profiles = profiles;
        this.views = views;
        this.stats = stats;
        this.listens = listens;
        this.history = history;
        this.nowPlaying = nowPlaying;
        this.json = json;
    }

    /** Any content type is read as JSON, like ListenBrainz ({@code request.get_data()}). */
    @Access(credential = Credential.API_TOKEN, scopes = Scopes.LISTENS_WRITE)
    @PostMapping("/submit-listens")
    Object submitListens(HttpServletRequest request) throws IOException {
        AuthenticatedUser user = CurrentUser.get();
        boolean returnMsid = ListenBrainzSubmissionValidator.returnMsid(request.getParameter("return_msid"));
        byte[] body = RequestBodies.read(request, ListenBrainzSubmissionValidator.MAX_LISTEN_PAYLOAD_SIZE);
        Submission submission = submissions.validate(body, System.currentTimeMillis() / 1000);
        if (submission.type() == ListenType.PLAYING_NOW) {
            String msid = recordPlayingNow(user, submission.listens().get(0));
            // ListenBrainz (api.py submit_listen): playing_now with ?return_msid=true answers the recording's msid
            return returnMsid ? new MsidStatus("ok", msid) : Status.OK;
        } else {
            List<IncomingListen> incoming = new ArrayList<>(submission.listens().size());
            for (int i = 0; i < submission.listens().size(); i++) {
                IncomingListen listen = mapper.toIncoming(user.id(), submission.listens().get(i),
                        submission.originals().get(i));
                // ListenBrainz answers a submission as a whole: a listen the funnel would refuse stores nothing
                refuseInsane(listen, submission.originals().get(i));
                incoming.add(listen);
            }
            listens.ingestBatch(incoming).stream().filter(IngestResult::isRefused).findFirst().ifPresent(r -> {
                throw badRequest("Listen refused: " + r.refusal().field() + " " + r.refusal().message() + ".");
            });
        }
        return Status.OK;
    }

    /**
     * The funnel's sanity gate (ListenSanity), asked before storing: the validator already applies ListenBrainz's
     * own copies of these rules in its order and with its messages (clients match on them), so this answers only
     * what those let through: nothing today, but a listen must never reach the store on their word alone.
     */
    private static void refuseInsane(IncomingListen listen, JsonNode original) {
        ListenSanity.check(listen).ifPresent(r -> {
            throw ListenBrainzApiException.invalidListen("Listen refused: " + r.field() + " " + r.message() + ".",
                    original);
        });
    }

    /** A protocol's now playing never becomes a stored listen (docs/api.md#now-playing). */
    private String recordPlayingNow(AuthenticatedUser user, ObjectNode listen) {
        JsonNode metadata = listen.get("track_metadata");
        JsonNode info = ListenBrainzListenMapper.infoOf(metadata);
        TrackCredit credit = mapper.credit(metadata);
        nowPlaying.update(user.id(), credit, mapper.service(info), Channel.LISTENBRAINZ_API,
                mapper.client(info), mapper.extra(info));
        return RecordingMsids.ofRecording(credit.artist(), credit.title());
    }

    /** {@code {"status": "ok", "recording_msid": "…"}}: the answer to playing_now with {@code ?return_msid=true}. */
    record MsidStatus(String status, String recordingMsid) {}

    /** The token from {@code Authorization: Token …}, else from {@code ?token=} (kept by ListenBrainz for old clients). */
    @Access(credential = Credential.NONE) // it checks the token it is given
    @GetMapping("/validate-token")
    TokenValidity validateToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String token;
        if (header != null && header.toLowerCase(java.util.Locale.ROOT).startsWith("token ")) {
            String[] parts = header.split(" ", -1);
            token = parts[1];
        } else {
            token = Optional.ofNullable(request.getParameter("token")).orElse("");
        }
        if (token.isEmpty()) {
            throw badRequest("You need to provide an Authorization token.");
        }
        return tokens.authenticate(token)
                .map(u -> new TokenValidity(200, "Token valid.", true, u.username()))
                .orElseGet(() -> new TokenValidity(200, "Token invalid.", false, null));
    }

    @Access(credential = Credential.NONE, scopes = Scopes.LISTENS_READ) // a PRIVATE profile: its owner's token with these
    @GetMapping("/user/{userName}/listens")
    Envelope<ListensPayload> userListens(@PathVariable String userName, HttpServletRequest request) {
        UserProfile profile = profiles.visible(userName);
        ListenBrainzListenQuery query = ListenBrainzListenQuery.parse(request::getParameter);
        List<StoredListen> page = history.window(profile.id(), query.fromMs(), query.toMs(), query.count(),
                query.start());
        ListenHistory.Span span = history.span(profile.id());
        return new Envelope<>(new ListensPayload(userName, page.size(),
                page.stream().map(l -> views.listen(l, profile.username())).toList(),
                seconds(span.newestMs()), seconds(span.oldestMs())));
    }

    @Access(credential = Credential.NONE, scopes = Scopes.LISTENS_READ)
    @GetMapping("/user/{userName}/listen-count")
    Envelope<CountPayload> listenCount(@PathVariable String userName) {
        UserProfile profile = profiles.visible(userName);
        return new Envelope<>(new CountPayload(history.span(profile.id()).count()));
    }

    @Access(credential = Credential.NONE, scopes = Scopes.LISTENS_READ)
    @GetMapping("/user/{userName}/playing-now")
    Envelope<PlayingNowPayload> playingNow(@PathVariable String userName) {
        UserProfile profile = profiles.visible(userName);
        Optional<NowPlaying> now = nowPlaying.current(profile.id());
        return new Envelope<>(new PlayingNowPayload(now.isPresent() ? 1 : 0, userName, true,
                now.map(views::playingNow).stream().toList()));
    }

    /**
     * ListenBrainz deletes by (listened_at, recording_msid) and answers ok whether or not a listen matched.
     * The listens of that second whose recording has that msid go (RecordingMsids; the per-listen msids of earlier
     * versions still match too).
     */
    @Access(credential = Credential.API_TOKEN, scopes = Scopes.LISTENS_WRITE)
    @PostMapping("/delete-listen")
    Status deleteListen(HttpServletRequest request) throws IOException {
        AuthenticatedUser user = CurrentUser.get();
        byte[] body = RequestBodies.read(request, ListenBrainzSubmissionValidator.MAX_LISTEN_SIZE);
        ListenBrainzDeletion deletion = ListenBrainzDeletion.parse(body, json);
        long fromMs = deletion.listenedAt() * 1000;
        for (StoredListen l : history.window(user.id(), fromMs, fromMs + 1000, MAX_ITEMS_PER_GET,
                ListenHistory.Start.NEWEST)) {
            if (ListenBrainzViews.msid(l).equalsIgnoreCase(deletion.recordingMsid())
                    || RecordingMsids.ofListen(l.id()).equalsIgnoreCase(deletion.recordingMsid())) {
                history.delete(user.id(), l.id());
            }
        }
        return Status.OK;
    }

    // User statistics (stats_api.py), served live from the stats module; 204 when the range has no plays.

    @Access(credential = Credential.NONE, scopes = {Scopes.STATS_READ, Scopes.LISTENS_READ}, anyScope = true)
    @GetMapping("/stats/user/{userName}/artists")
    ResponseEntity<?> statsArtists(@PathVariable String userName, HttpServletRequest request) {
        UserProfile profile = profiles.visible(userName);
        return orNoContent(stats.artists(profile, ListenBrainzStatsQuery.parse(request::getParameter)));
    }

    @Access(credential = Credential.NONE, scopes = {Scopes.STATS_READ, Scopes.LISTENS_READ}, anyScope = true)
    @GetMapping("/stats/user/{userName}/releases")
    ResponseEntity<?> statsReleases(@PathVariable String userName, HttpServletRequest request) {
        UserProfile profile = profiles.visible(userName);
        return orNoContent(stats.releases(profile, ListenBrainzStatsQuery.parse(request::getParameter)));
    }

    @Access(credential = Credential.NONE, scopes = {Scopes.STATS_READ, Scopes.LISTENS_READ}, anyScope = true)
    @GetMapping("/stats/user/{userName}/release-groups")
    ResponseEntity<?> statsReleaseGroups(@PathVariable String userName, HttpServletRequest request) {
        UserProfile profile = profiles.visible(userName);
        return orNoContent(stats.releaseGroups(profile, ListenBrainzStatsQuery.parse(request::getParameter)));
    }

    @Access(credential = Credential.NONE, scopes = {Scopes.STATS_READ, Scopes.LISTENS_READ}, anyScope = true)
    @GetMapping("/stats/user/{userName}/recordings")
    ResponseEntity<?> statsRecordings(@PathVariable String userName, HttpServletRequest request) {
        UserProfile profile = profiles.visible(userName);
        return orNoContent(stats.recordings(profile, ListenBrainzStatsQuery.parse(request::getParameter)));
    }

    @Access(credential = Credential.NONE, scopes = {Scopes.STATS_READ, Scopes.LISTENS_READ}, anyScope = true)
    @GetMapping("/stats/user/{userName}/listening-activity")
    ResponseEntity<?> statsListeningActivity(@PathVariable String userName, HttpServletRequest request) {
        UserProfile profile = profiles.visible(userName);
        return orNoContent(stats.listeningActivity(profile, ListenBrainzStatsQuery.rangeOnly(request::getParameter)));
    }

    @Access(credential = Credential.NONE, scopes = {Scopes.STATS_READ, Scopes.LISTENS_READ}, anyScope = true)
    @GetMapping("/stats/user/{userName}/daily-activity")
    ResponseEntity<?> statsDailyActivity(@PathVariable String userName, HttpServletRequest request) {
        UserProfile profile = profiles.visible(userName);
        return orNoContent(stats.dailyActivity(profile, ListenBrainzStatsQuery.rangeOnly(request::getParameter)));
    }

    /** Flask's {@code <int:year>}: a path with anything but digits there is an unknown route (404). */
    @Access(credential = Credential.NONE, scopes = {Scopes.STATS_READ, Scopes.LISTENS_READ}, anyScope = true)
    @GetMapping("/stats/user/{userName}/year-in-music/{year:\\d{1,9}}")
    Envelope<ListenBrainzStatsWire.YearInMusicPayload> yearInMusic(@PathVariable String userName,
            @PathVariable int year) {
        UserProfile profile = profiles.visible(userName);
        return new Envelope<>(stats.yearInMusic(profile, year));
    }

    private static ResponseEntity<?> orNoContent(Optional<?> payload) {
        return payload.<ResponseEntity<?>>map(p -> ResponseEntity.ok(new Envelope<>(p)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** Every other path under the prefixes: ListenBrainz's (Flask's) 404 and 405 in its error format. */
    @Access(credential = Credential.NONE)
    @RequestMapping("/**")
    ResponseEntity<Object> unknownRoute(HttpServletRequest request) {
        return ListenBrainzRoutes.answerUnknown(request, API_PREFIX, ROOT_PREFIX);
    }

    private static long seconds(Long ms) {
        return ms == null ? 0 : Math.floorDiv(ms, 1000L);
    }
}
