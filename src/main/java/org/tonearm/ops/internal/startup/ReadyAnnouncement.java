package org.tonearm.ops.internal.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.tonearm.identity.UserDirectory;

/**
 * The last line of a start: where Tonearm answers and, on an empty instance, how to create the first account
 * (which becomes the admin, docs/api.md#accounts-and-authentication). Runs after every other ready listener so nothing follows it in the log.
 */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger("org.tonearm.Tonearm");

    private final UserDirectory users;
    private final Environment environment;

    ReadyAnnouncement(UserDirectory users, Environment environment) {
        this.users = users;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void announce(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return; // the import command line: no server, nothing to announce
        }
        log.info(message(baseUrl(web.getWebServer().getPort()), users.hasAccounts()));
    }

    static String message(String baseUrl, boolean hasAccounts) {
        String ready = "Tonearm is ready on " + baseUrl;
        if (hasAccounts) {
            return ready;
        }
        return ready + " — no account yet: open " + baseUrl + "/ in a browser to create the first one (it becomes the"
                + " admin), or with curl -X POST "
                + baseUrl + "/api/v1/auth/register -H 'Content-Type: application/json'"
                + " -d '{\"username\":\"admin\",\"password\":\"<a password of 8+ characters>\"}'"
                + " (README.md, First steps; API reference: " + baseUrl + "/api/docs)";
    }

    /** {@code server.address} when Tonearm is bound to one address, else localhost (bound to all of them). */
    private String baseUrl(int port) {
        String address = environment.getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "localhost" : address;
        if (host.contains(":")) {
            host = "[" + host + "]"; // an IPv6 literal in a URL
        }
        return "http://" + host + ":" + port;
    }
}
