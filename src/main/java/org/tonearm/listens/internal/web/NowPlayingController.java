package org.tonearm.listens.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.identity.Access;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.listens.Channel;
import org.tonearm.listens.NowPlaying;
import org.tonearm.listens.NowPlayingService;
import org.tonearm.listens.Service;
import org.tonearm.shared.Instants;
import static org.tonearm.listens.internal.web.FieldErrors.path;
import tools.jackson.databind.JsonNode;

/**
 * Now playing in the native API, the same state the ListenBrainz, Last.fm and Audioscrobbler protocols
 * set and read (docs/api.md#listens). {@code PUT} replaces it; it is never stored as a listen.
 */
@RestController
@RequestMapping("/api/v1/now-playing")
class NowPlayingController {

    private final BoundedJsonBody body;
    private final NowPlayingService nowPlaying;

    NowPlayingController(BoundedJsonBody body, NowPlayingService nowPlaying) {
        this.body = body;
        this.nowPlaying = nowPlaying;
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
    @Operation(operationId = "getNowPlaying", summary = "What you are playing now, if anything")
    @ApiResponse(responseCode = "200", description = "What is playing, or now_playing: null", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ListenRequests.NowPlayingEnvelope.class)))
    @GetMapping
    Map<String, Object> get() {
        AuthenticatedUser user = CurrentUser.get();
        return envelope(nowPlaying.current(user.id()).orElse(null));
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_WRITE)
    @Operation(operationId = "setNowPlaying", summary = "Set what you are playing now (never stored as a listen)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ListenRequests.NowPlayingIn.class)))
    @ApiResponse(responseCode = "200", description = "What is playing now", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ListenRequests.NowPlayingEnvelope.class)))
    @PutMapping
    Map<String, Object> put(HttpServletRequest request) {
        AuthenticatedUser user = CurrentUser.get();
        JsonNode item = body.read(request);
        FieldErrors errors = new FieldErrors();
        if (!item.isObject()) {
            errors.add("body", "must be a JSON object");
            errors.throwIfAny();
        }
        String artist = ListenSubmissionValidator.name(item, "", "artist", true, errors);
        List<String> artists = JsonFieldRules.textList(item.get("artists"), path("", "artists"),
                ListenSubmissionValidator.MAX_NAME_LENGTH, errors);
        String track = ListenSubmissionValidator.name(item, "", "track", true, errors);
        String album = ListenSubmissionValidator.name(item, "", "album", false, errors);
        Long length = ListenSubmissionValidator.duration(item, "", "track_length_ms", errors);
        Service service = ListenSubmissionValidator.service(item.get("service"), path("", "service"), errors);
        String client = JsonFieldRules.text(item.get("client"), path("", "client"),
                ListenSubmissionValidator.MAX_CLIENT_LENGTH, errors);
        errors.throwIfAny();
        TrackCredit credit = new TrackCredit(artist, artists, track, album == null || album.isBlank() ? null : album,
                length, Identifiers.NONE);
        return envelope(nowPlaying.update(user.id(), credit, service == null ? Service.OTHER : service,
                Channel.NATIVE_API, client, null));
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_WRITE)
    @Operation(operationId = "clearNowPlaying", summary = "Clear what you are playing now")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        nowPlaying.clear(CurrentUser.get().id());
    }

    private static Map<String, Object> envelope(NowPlaying np) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (np == null) {
            out.put("now_playing", null);
            return out;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("artist", np.credit().artist());
        json.put("artists", np.credit().artists());
        json.put("track", np.credit().title());
        json.put("album", np.credit().album());
        json.put("track_length_ms", np.credit().lengthMs());
        json.put("service", np.service().wire());
        json.put("channel", np.channel().wire());
        json.put("client", np.client());
        json.put("started_at", Instants.format(np.startedAtMs()));
        json.put("expires_at", Instants.format(np.expiresAtMs()));
        out.put("now_playing", json);
        return out;
    }
}
