package org.tonearm.integrations.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.tonearm.identity.Access;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.integrations.ConnectOutcome;
import org.tonearm.integrations.ConnectionView;
import org.tonearm.integrations.Connections;
import org.tonearm.integrations.OAuthBrowserBinding;
import org.tonearm.integrations.internal.connection.AuthorizationRefused;

/**
 * {@code /api/v1/connections} (docs/api.md#connections): a user's connections to Spotify, Last.fm and ListenBrainz.
 * Each user reaches only their own. Connecting and disconnecting change the account's links to other services, so
 * they need a login session (like account management); reading needs {@code listens:read}, syncing
 * {@code listens:write}.
 */
@RestController
@RequestMapping("/api/v1/connections")
class ConnectionsApiController {

    private final Connections connections;

    ConnectionsApiController(Connections connections) {
        this.connections = connections;
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
    @Operation(operationId = "listConnections", summary = "Your connections to external services and the services available")
    @GetMapping
    ConnectionList list() {
        return new ConnectionList(connections.services(), connections.list(CurrentUser.get().id()));
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
    @Operation(operationId = "getConnection", summary = "One connection: status, last and next sync, last error, backfill progress")
    @GetMapping("/{service}")
    ConnectionView get(@PathVariable String service) {
        return connections.get(CurrentUser.get().id(), service);
    }

    @Access(credential = Credential.SESSION)
    @Operation(operationId = "connectService", summary = "Connect a service: connected at once, or the authorization URL to send the browser to (Spotify)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ConnectBody.class)))
    @PostMapping("/{service}")
    // an API caller has no browser: an OAuth service answers this instance's start page, which the same user must
    // open signed in on the web; it binds that browser before the consent page (issue 13, docs/api.md#connections)
    ConnectOutcome connect(@PathVariable String service, @RequestBody(required = false) Map<String, Object> body) {
        return connections.connect(CurrentUser.get().id(), service, body, null);
    }

    /**
     * Where the service sends the browser back (OAuth redirect URI). The browser carries no bearer token here, so the
     * route is open: the single-use {@code state} names the user who started the connection (and must be the caller
     * when one is authenticated), and the browser must bring the binding cookie set when the flow was started in it
     * (issue 13, RFC 9700 §4.7: otherwise someone else's consent would connect to the starter's account). The cookie
     * is deleted whatever the outcome. A connection started on the web page sends the browser back to that page.
     */
    @Access(credential = Credential.NONE)
    @Operation(operationId = "finishConnection", summary = "OAuth callback: completes the connection started with the same state")
    @ApiResponse(responseCode = "200", description = "The connection", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ConnectionView.class)))
    @ApiResponse(responseCode = "303", description = "Started on the web page: back to it (Location)")
    @GetMapping("/{service}/callback")
    ResponseEntity<ConnectionView> callback(@PathVariable String service,
            @RequestParam(required = false) String code, @RequestParam(required = false) String state,
            @RequestParam(required = false) String error, @RequestParam(required = false) String token,
            HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> params = new java.util.HashMap<>();
        String binding = bindingCookie(request, service);
        if (binding != null) {
            putIfPresent(params, OAuthBrowserBinding.PARAM, binding);
            // set before the façade runs: a refusal (problem response) clears it too
            response.addHeader(HttpHeaders.SET_COOKIE, OAuthBrowserBinding.cleared(service, request.getContextPath(),
                    request.isSecure()).toString());
        }
        putIfPresent(params, "token", token); // Last.fm's web auth brings a token, not a code
        putIfPresent(params, "code", code);
        putIfPresent(params, "state", state);
        putIfPresent(params, "error", error);
        Long caller = CurrentUser.find().map(AuthenticatedUser::id).orElse(null);
        try {
            Connections.CallbackOutcome done = connections.callback(caller, service, params);
            if (done.returnTo() != null) {
                return seeOther(UriComponentsBuilder.fromPath(done.returnTo()).queryParam("connected", service));
            }
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(done.connection());
        } catch (AuthorizationRefused refused) {
            if (refused.returnTo() == null) {
                throw refused;
            }
            return seeOther(UriComponentsBuilder.fromPath(refused.returnTo()).queryParam("connect_failed", service));
        }
    }

    private static String bindingCookie(HttpServletRequest request, String service) {
        if (request.getCookies() == null) {
            return null;
        }
        String name = OAuthBrowserBinding.cookieName(service);
        return java.util.Arrays.stream(request.getCookies()).filter(c -> c.getName().equals(name))
                .map(Cookie::getValue).filter(v -> !v.isBlank()).findFirst().orElse(null);
    }

    private static ResponseEntity<ConnectionView> seeOther(UriComponentsBuilder location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).cacheControl(CacheControl.noStore())
                .location(URI.create(location.build().encode().toUriString())).build();
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    @Access(credential = Credential.SESSION)
    @Operation(operationId = "disconnectService", summary = "Disconnect a service: no more syncs, its tokens deleted")
    @DeleteMapping("/{service}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(@PathVariable String service) {
        connections.disconnect(CurrentUser.get().id(), service);
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_WRITE)
    @Operation(operationId = "syncConnection", summary = "Sync now: one sync step at once, answering the state after it")
    @PostMapping("/{service}/sync")
    ConnectionView sync(@PathVariable String service) {
        return connections.syncNow(CurrentUser.get().id(), service);
    }

    /** {@code GET /api/v1/connections}. */
    @Schema(name = "ConnectionList", requiredProperties = {"services", "connections"})
    record ConnectionList(@Schema(description = "Services this instance offers") List<String> services,
            List<ConnectionView> connections) {}

    /**
     * The body of a connect call (docs/api.md#connections); Spotify needs none. The providers read {@code user} (as
     * docs/api.md#connections-lastfm-and-listenbrainz shows it), so the document names it so too.
     */
    @Schema(name = "ConnectBody")
    record ConnectBody(@Schema(description = "Last.fm / ListenBrainz user name", maxLength = 255) String user,
            @Schema(description = "ListenBrainz user token (for private data / mirroring)") String token,
            @Schema(description = "Pull plays from the service (default true)") Boolean pull,
            @Schema(description = "Mirror new plays to the service (default false)") Boolean mirror) {}
}
