package org.tonearm.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tonearm.identity.AccessRule;
import org.tonearm.identity.ProtocolMethodAccess;

/** The routes' {@code @Access} declarations as the application registered them, for tests and the docs' table. */
public final class AccessDeclarations {

    private static final List<String> GUARDED = List.of("/api/**", "/apis/**", "/1/**", "/2.0", "/2.0/**");

    private AccessDeclarations() {}

    public static Optional<AccessRule> ruleOf(HandlerMethod handler) {
        return AccessRule.declaredBy(handler.getMethod(), handler.getBeanType());
    }

    /** The rule of a route written as {@code "GET /api/v1/listens"} (the pattern as mapped). */
    public static AccessRule ruleOf(RequestMappingHandlerMapping mapping, String route) {
        String method = route.substring(0, route.indexOf(' '));
        String pattern = route.substring(route.indexOf(' ') + 1);
        return mapping.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getPatternValues().contains(pattern))
                .filter(e -> e.getKey().getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals(method)))
                .map(e -> ruleOf(e.getValue()).orElseThrow(() -> new AssertionError(route + " declares no @Access")))
                .findFirst().orElseThrow(() -> new AssertionError("no route " + route));
    }

    /**
     * The Markdown table of docs/api.md#who-may-call-what: one row per route (its paths, methods, credential,
     * scopes), then one per Last.fm method.
     */
    public static String table(RequestMappingHandlerMapping mapping, List<ProtocolMethodAccess> protocols) {
        AntPathMatcher matcher = new AntPathMatcher();
        Map<String, String> rows = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            List<String> paths = e.getKey().getPatternValues().stream()
                    .filter(p -> GUARDED.stream().anyMatch(g -> matcher.match(g, p)))
                    // a trailing-slash twin says nothing new
                    .filter(p -> !(p.endsWith("/") && e.getKey().getPatternValues().contains(p.substring(0, p.length() - 1))))
                    .sorted().toList();
            if (paths.isEmpty() || !e.getValue().getBeanType().getName().startsWith("org.tonearm.")) {
                continue;
            }
            String methods = e.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(", "));
            AccessRule rule = ruleOf(e.getValue()).orElse(null);
            String route = paths.stream().map(p -> "`" + p.replace("|", "\\|") + "`").collect(Collectors.joining(" "));
            rows.put(paths.get(0) + " " + methods, "| " + (methods.isEmpty() ? "any" : methods) + " | " + route + " | "
                    + describe(rule) + " |");
        }
        StringBuilder out = new StringBuilder("| method | route | credential | scopes (API tokens) |\n|---|---|---|---|\n");
        rows.values().forEach(r -> out.append(r).append('\n'));
        for (ProtocolMethodAccess protocol : protocols) {
            out.append("\n| Last.fm method (`").append(protocol.endpoint()).append("`) | credential | scopes |\n|---|---|---|\n");
            protocol.rules().forEach((name, rule) -> out.append("| `").append(name).append("` | ")
                    .append(describe(rule)).append(" |\n"));
        }
        return out.toString();
    }

    private static String describe(AccessRule rule) {
        if (rule == null) {
            return "**undeclared: refused** | ";
        }
        String credential = switch (rule.credential()) {
            case NONE -> "none";
            case SESSION -> "login session";
            case API_TOKEN -> "API token";
            case ANY -> "login session or API token";
            case PROTOCOL_SESSION -> "the protocol's session";
        };
        if (rule.admin()) {
            credential += " of an admin";
        }
        String scopes = rule.scopes().isEmpty() ? "—" : String.join(rule.anyScope() ? " or " : " and ", rule.scopes());
        if (rule.credential().name().equals("NONE") && !rule.scopes().isEmpty()) {
            scopes += " (a PRIVATE profile's owner)";
        }
        return credential + " | " + scopes;
    }
}
