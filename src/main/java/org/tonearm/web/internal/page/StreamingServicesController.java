package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonearm.identity.CurrentUser;
import org.tonearm.integrations.ConnectOutcome;
import org.tonearm.integrations.ConnectionView;
import org.tonearm.integrations.Connections;
import org.tonearm.integrations.OAuthBrowserBinding;
import org.tonearm.shared.TonearmException;
import org.tonearm.web.internal.security.WebSecurityConfiguration;

/**
 * The "Streaming services" section of {@code /connections} (issue 13 item 6): the user's connections to Spotify (and
 * the other services the instance offers) with status, last and next sync, last error and "needs re-authorization";
 * connect (Spotify: a redirect to its consent page, back through the API's callback to this page), sync now and
 * disconnect. Only the integrations façade ({@link Connections}); the section's model comes from {@link Section}.
 */
@Controller
class StreamingServicesController {

    static final String PAGE = "/connections";

    private final Connections connections;

    StreamingServicesController(Connections connections) {
        this.connections = connections;
    }

    @PostMapping("/connections/services/{service}/connect")
    String connect(@PathVariable String service, RedirectAttributes redirect, HttpServletRequest request,
            HttpServletResponse response) {
        return act(redirect, () -> {
            // issue 13: the flow is bound to this browser by a cookie the callback must bring back
            String nonce = OAuthBrowserBinding.newNonce();
            ConnectOutcome outcome = connections.connect(CurrentUser.get().id(), service, Map.of(), PAGE, nonce);
            if (outcome.authorizeUrl() == null) {
                return notice(redirect, "services.connected");
            }
            bind(service, nonce, request, response);
            // Spotify: to its consent page; the API's callback sends the browser back here
            return outcome.authorizeUrl();
        });
    }

    /**
     * The start page of a connection started through the API (docs/api.md#connections, issue 13): only the same
     * signed-in user can open it; it binds this browser to the flow (once) and sends it to the service's consent page.
     */
    @GetMapping("/connections/services/{service}/start")
    String start(@PathVariable String service, @RequestParam(required = false) String state,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        return act(redirect, () -> {
            String nonce = OAuthBrowserBinding.newNonce();
            String url = connections.startInBrowser(CurrentUser.get().id(), service, state, nonce);
            bind(service, nonce, request, response);
            return url;
        });
    }

    private static void bind(String service, String nonce, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, OAuthBrowserBinding.cookie(service, nonce, request.getContextPath(),
                request.isSecure()).toString());
    }

    @PostMapping("/connections/services/{service}/sync")
    String sync(@PathVariable String service, RedirectAttributes redirect) {
        return act(redirect, () -> {
            ConnectionView after = connections.syncNow(CurrentUser.get().id(), service);
            if (after.lastError() != null) {
                redirect.addFlashAttribute("serviceError", after.lastError()); // shown as an error, not a notice
                return PAGE;
            }
            return notice(redirect, "services.synced");
        });
    }

    @PostMapping("/connections/services/{service}/disconnect")
    String disconnect(@PathVariable String service, RedirectAttributes redirect) {
        return act(redirect, () -> {
            connections.disconnect(CurrentUser.get().id(), service);
            return notice(redirect, "services.disconnected");
        });
    }

    /** Runs an action that answers where to go; a refusal of the façade is shown on the page instead. */
    private static String act(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            return "redirect:" + action.get();
        } catch (TonearmException e) {
            // a refusal naming one field shows its sentence (already in the page's language where it has one),
            // not the API's "field: …" detail
            redirect.addFlashAttribute("serviceError", e.fieldErrors().size() == 1 ? e.fieldErrors().get(0).message()
                    : e.getMessage());
            return "redirect:" + PAGE;
        }
    }

    private static String notice(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("notice", key);
        return PAGE;
    }

    /** The section's model on the connections page (only there): offered services and the user's connections. */
    @ControllerAdvice(assignableTypes = ConnectionsController.class)
    static class Section {

        private final Connections connections;

        Section(Connections connections) {
            this.connections = connections;
        }

        /**
         * @param connected the service the OAuth callback just connected ({@code ?connected=spotify})
         * @param failed    the service whose authorization was refused ({@code ?connect_failed=spotify})
         */
        record Model(List<String> services, List<ConnectionView> connections, String connected, String failed) {

            /** Connected and not waiting for re-authorization: its row has the actions. */
            public boolean isConnected(String service) {
                return connections.stream().anyMatch(c -> c.service().equals(service)
                        && ("active".equals(c.status()) || "error".equals(c.status())));
            }

            public boolean needsReauthorization(String service) {
                return connections.stream().anyMatch(c -> c.service().equals(service) && c.needsReauthorization());
            }
        }

        /**
         * Also widens the page's CSP {@code form-action} by the services' consent pages: Chromium applies form-action
         * to the redirects after a form POST too, and "Connect Spotify" is a POST that ends at accounts.spotify.com.
         * Spring Security's CSP writer leaves a header the handler set alone.
         */
        @ModelAttribute("streaming")
        Model streaming(@RequestParam(name = "connected", required = false) String connected,
                @RequestParam(name = "connect_failed", required = false) String failed,
                jakarta.servlet.http.HttpServletResponse response) {
            long userId = CurrentUser.get().id();
            List<String> origins = connections.authorizeOrigins();
            if (!origins.isEmpty()) {
                response.setHeader("Content-Security-Policy", WebSecurityConfiguration.CSP.replace("form-action 'self'",
                        "form-action 'self' " + String.join(" ", origins)));
            }
            return new Model(connections.services(), connections.list(userId), connected, failed);
        }
    }
}
