package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.WebConnections;
import org.tonearm.imports.WebImports;
import org.tonearm.shared.TonearmException;

/**
 * {@code /connections} (issue #12 item 7): personal API tokens (create — the value shown once —, list, revoke), the
 * client settings of docs/clients.md with this server's URLs, and the exports. The base URL is the request's own
 * (scheme, host and port as the client reached Tonearm; behind a proxy its {@code X-Forwarded-*} headers, which
 * {@code server.forward-headers-strategy: native} applies), so what the page shows is what works from this browser.
 * Tokens have no validity period in the API (docs/api.md#accounts-and-authentication): they last until revoked.
 */
@Controller
class ConnectionsController {

    static final List<String> SCOPES = Scopes.ALL.stream().sorted().toList();

    private final WebConnections connections;
    private final WebImports imports;

    ConnectionsController(WebConnections connections, WebImports imports) {
        this.connections = connections;
        this.imports = imports;
    }

    @GetMapping("/connections")
    String page(Model model) {
        return render(model, FormErrors.NONE, "", SCOPES);
    }

    @PostMapping("/connections/tokens")
    String create(@RequestParam(defaultValue = "") String name,
            @RequestParam(name = "scopes", required = false) List<String> scopes, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            // no box ticked: the API's own refusal ("must name at least one scope"), not "every scope"
            WebConnections.CreatedToken created = connections.createToken(CurrentUser.get().id(), name,
                    scopes == null ? List.of() : scopes);
            redirect.addFlashAttribute("createdName", created.token().name());
            redirect.addFlashAttribute("createdValue", created.value());
            return "redirect:/connections";
        } catch (TonearmException e) {
            response.setStatus(e.status());
            return render(model, FormErrors.of(e), name, scopes == null ? List.of() : scopes);
        }
    }

    @PostMapping("/connections/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        connections.revokeToken(CurrentUser.get().id(), id);
        redirect.addFlashAttribute("notice", "connections.revoked");
        return "redirect:/connections";
    }

    /** The exports of {@code /api/v1/exports/*}, with the session instead of a token. */
    @GetMapping("/connections/export/{kind}")
    void export(@PathVariable String kind, HttpServletResponse response) throws IOException {
        AuthenticatedUser user = CurrentUser.get();
        switch (kind) {
            case "listenbrainz" -> {
                attachment(response, "application/zip", "listenbrainz-listens.zip");
                imports.exportListenBrainz(user.id(), response.getOutputStream());
            }
            case "csv" -> {
                attachment(response, "text/csv;charset=UTF-8", "tonearm-listens.csv");
                imports.exportCsv(user.id(), response.getOutputStream());
            }
            case "account" -> {
                attachment(response, "application/zip", "tonearm-account-" + user.username() + ".zip");
                imports.exportAccount(user.id(), response.getOutputStream());
            }
            default -> throw TonearmException.notFound("Export " + kind);
        }
    }

    private static void attachment(HttpServletResponse response, String type, String fileName) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }

    private String render(Model model, FormErrors errors, String name, List<String> checked) {
        AuthenticatedUser user = CurrentUser.get();
        model.addAttribute("tokens", connections.tokens(user.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("tokenName", name);
        model.addAttribute("scopes", SCOPES);
        model.addAttribute("checkedScopes", checked);
        model.addAttribute("clients", clients(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()));
        model.addAttribute("username", user.username());
        return "connections";
    }

    /** One copy-ready setting: a message key for its label and the value (docs/clients.md "URL to enter"). */
    record Setting(String labelKey, String value) {}

    record Client(String titleKey, List<Setting> settings) {}

    static List<Client> clients(String base) {
        List<Client> clients = new ArrayList<>();
        clients.add(new Client("connections.listenbrainz", List.of(
                new Setting("connections.lb.root", base + "/apis/listenbrainz"),
                new Setting("connections.lb.v1", base + "/apis/listenbrainz/1/"),
                new Setting("connections.lb.host", base))));
        clients.add(new Client("connections.lastfm", List.of(
                new Setting("connections.lastfm.root", base + "/apis/lastfm/2.0/"),
                new Setting("connections.lastfm.host", base))));
        clients.add(new Client("connections.audioscrobbler", List.of(
                new Setting("connections.as.handshake", base + "/apis/audioscrobbler/"))));
        return clients;
    }
}
