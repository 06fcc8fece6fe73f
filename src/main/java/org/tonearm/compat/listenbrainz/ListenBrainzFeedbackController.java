package org.tonearm.compat.listenbrainz;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.compat.listenbrainz.ListenBrainzWire.Status;
import org.tonearm.compat.listenbrainz.internal.persistence.JooqListenBrainzFeedbackRepository;
import org.tonearm.identity.Access;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.UserProfile;
import static org.tonearm.compat.listenbrainz.ListenBrainzApiException.badRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ListenBrainz recording feedback (listenbrainz.readthedocs.io "Feedback API", feedback_api.py), under the same two
 * prefixes as {@link ListenBrainzController}:
 * <ul>
 *   <li>{@code POST /1/feedback/recording-feedback} {@code {recording_msid | recording_mbid, score}}: score 1 love,
 *       -1 hate, 0 removes the feedback; answers {@code {"status": "ok"}};</li>
 *   <li>{@code GET /1/feedback/user/{user_name}/get-feedback?score&count&offset}: the user's feedback, newest first
 *       (visible like the user's listens: a public profile, or the owner with listens:read).</li>
 * </ul>
 * An msid is the recording's (RecordingMsids): the one a listen shows and playing_now returns.
 */
@RestController
@RequestMapping({ListenBrainzController.API_PREFIX + "/feedback", ListenBrainzController.ROOT_PREFIX + "/feedback"})
class ListenBrainzFeedbackController {

    /** feedback_api.py: the body's allowed keys. */
    static final Set<String> KEYS = Set.of("recording_msid", "recording_mbid", "score");
    /** api_tools.py DEFAULT_ITEMS_PER_GET and MAX_ITEMS_PER_GET, as for listens. */
    static final int DEFAULT_COUNT = ListenBrainzController.DEFAULT_ITEMS_PER_GET;
    static final int MAX_COUNT = ListenBrainzController.MAX_ITEMS_PER_GET;

    private final ListenBrainzProfiles profiles;
    private final JooqListenBrainzFeedbackRepository feedback;
    private final JsonMapper json;

    ListenBrainzFeedbackController(ListenBrainzProfiles profiles,
            JooqListenBrainzFeedbackRepository feedback, JsonMapper json) {
        this.profiles = profiles;
        this.feedback = feedback;
        this.json = json;
    }

    record FeedbackItem(String userId, String recordingMsid, String recordingMbid, int score, long created) {}

    record FeedbackPage(List<FeedbackItem> feedback, int count, int offset, int totalCount) {}

    @Access(credential = Credential.API_TOKEN, scopes = Scopes.LISTENS_WRITE)
    @PostMapping("/recording-feedback")
    Status recordingFeedback(HttpServletRequest request) throws IOException {
        AuthenticatedUser user = CurrentUser.get();
        JsonNode data = parse(RequestBodies.read(request, ListenBrainzSubmissionValidator.MAX_LISTEN_SIZE));
        if (!(data.has("recording_msid") || data.has("recording_mbid")) || !data.has("score")) {
            throw badRequest("JSON document must contain either recording_msid or recording_mbid, and score top "
                    + "level keys");
        }
        data.propertyNames().forEach(key -> {
            if (!KEYS.contains(key)) {
                throw badRequest("JSON document may only contain recording_msid, recording_mbid and score top "
                        + "level keys");
            }
        });
        int score = score(data.get("score"));
        String kind = data.has("recording_msid") && !data.get("recording_msid").isNull() ? "msid" : "mbid";
        JsonNode id = data.get("recording_" + kind);
        if (id == null || !ListenBrainzListenValidator.isValidUuid(id)) {
            throw badRequest("Invalid JSON document submitted: recording_" + kind + " must be a valid UUID.");
        }
        feedback.set(user.id(), kind, ListenBrainzListenMapper.canonicalUuid(id.stringValue()), score,
                System.currentTimeMillis());
        return Status.OK;
    }

    @Access(credential = Credential.NONE, scopes = Scopes.LISTENS_READ)
    @GetMapping("/user/{userName}/get-feedback")
    FeedbackPage userFeedback(@PathVariable String userName, HttpServletRequest request) {
        UserProfile profile = profiles.visible(userName);
        Integer score = request.getParameter("score") == null ? null : score(intParam(request, "score", 0));
        int count = Math.min(intParam(request, "count", DEFAULT_COUNT), MAX_COUNT);
        int offset = intParam(request, "offset", 0);
        if (count < 0 || offset < 0) {
            throw badRequest("'count' and 'offset' must be positive integers.");
        }
        List<FeedbackItem> items = feedback.of(profile.id(), score, offset, count).stream()
                .map(f -> new FeedbackItem(profile.username(), f.kind().equals("msid") ? f.recordingId() : null,
                        f.kind().equals("mbid") ? f.recordingId() : null, f.score(), f.createdAt() / 1000))
                .toList();
        return new FeedbackPage(items, items.size(), offset, feedback.count(profile.id(), score));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode data = json.readTree(body);
            if (data == null || !data.isObject()) {
                throw badRequest("Invalid JSON document submitted.");
            }
            return data;
        } catch (JacksonException e) {
            throw badRequest("Invalid JSON document submitted.");
        }
    }

    /** feedback.py: "Feedback score can have only three values [1, 0 or -1]". */
    private static int score(JsonNode value) {
        if (value != null && value.isIntegralNumber() && value.canConvertToInt()) {
            return score(value.intValue());
        }
        throw badRequest("Invalid JSON document submitted: Score must be an integer with a value of 1, 0 or -1.");
    }

    private static int score(int value) {
        if (value < -1 || value > 1) {
            throw badRequest("Invalid JSON document submitted: Score can have a value of 1, 0 or -1.");
        }
        return value;
    }

    private static int intParam(HttpServletRequest request, String name, int fallback) {
        String value = request.getParameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw badRequest("Invalid " + name + " argument: " + value);
        }
    }
}
