package org.tonearm.compat.lastfm;

import io.swagger.v3.oas.annotations.Operation;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmAppRepository.AppRow;
import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmAppRepository;
import org.tonearm.identity.Access;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.shared.Instants;
import org.tonearm.shared.TonearmException;

/**
 * Native API: register an api_key/shared secret pair for a Last.fm client you control, so that Tonearm verifies its
 * api_sig ({@code POST /api/v1/me/lastfm-apps {name}} → 201 {@code {id, name, api_key, shared_secret, created_at}}).
 * Needs a login session: an API token handed to a scrobbler must not mint credentials.
 */
@Access(credential = Credential.SESSION)
@RestController
@RequestMapping("/api/v1/me/lastfm-apps")
class LastfmAppController {

    static final int NAME_MAX = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JooqLastfmAppRepository apps;

    LastfmAppController(JooqLastfmAppRepository apps) {
        this.apps = apps;
    }

    /** Named apart from the token request: the OpenAPI document keys schemas by simple class name. */
    record CreateAppRequest(String name) {}

    record App(long id, String name, String apiKey, String sharedSecret, String createdAt) {
        static App of(AppRow r) {
            return new App(r.id(), r.name(), r.apiKey(), r.secret(), Instants.format(r.createdAt()));
        }
    }

    record Page(List<App> apps) {}

    @Operation(operationId = "createLastfmApp", summary = "Register a Last.fm API application (api_key and shared secret) for your clients")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    App create(@RequestBody CreateAppRequest body) {
        long userId = sessionUser();
        String name = body == null || body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw TonearmException.invalid("name", "must be 1 to " + NAME_MAX + " characters");
        }
        return App.of(apps.insert(userId, name, random32Hex(), random32Hex(), System.currentTimeMillis()));
    }

    @Operation(operationId = "listLastfmApps", summary = "Your registered Last.fm API applications")
    @GetMapping
    Page list() {
        return new Page(apps.listForUser(sessionUser()).stream().map(App::of).toList());
    }

    private static long sessionUser() {
        return CurrentUser.get().id();
    }

    /** 128 random bits as 32 hex characters: the shape of Last.fm's own api keys and secrets. */
    private static String random32Hex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
