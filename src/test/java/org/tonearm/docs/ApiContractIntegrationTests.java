package org.tonearm.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tonearm.identity.AccessRule;
import org.tonearm.identity.Credential;
import org.tonearm.identity.ProtocolMethodAccess;
import org.tonearm.testsupport.AccessDeclarations;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.OpenApiContract;

/**
 * The API's contract with its readers (docs/api.md#who-may-call-what, the OpenAPI document at
 * {@code /api/v1/openapi.json}): every route declares who may call it, the document lists exactly the routes the
 * application serves and says for each what it does, takes, answers and needs, and the scope table of docs/api.md
 * is the declarations'. That real responses match the document is checked where every route is called for real:
 * AuthorizationMatrixIntegrationTests.
 */
class ApiContractIntegrationTests extends IntegrationTestBase {

    /** What the security layer guards (AccessConfiguration.GUARDED): the API and the compatibility protocols. */
    static final List<String> GUARDED = List.of("/api/**", "/apis/**", "/1/**", "/2.0", "/2.0/**");
    /**
     * Routes under /api/** that are not the native API, so not in its document: Last.fm's approval page for clients
     * that only let the host be changed (an HTML form of that protocol, docs/clients.md).
     */
    static final Set<String> NOT_NATIVE = Set.of("/api/auth", "/api/auth/");
    static final Set<String> MODULES = Set.of("identity", "listens", "library", "imports", "stats", "compat",
            "integrations");
    /** POST/PUT/PATCH operations that take no body. */
    static final Set<String> BODYLESS = Set.of("POST /api/v1/auth/logout", "POST /api/v1/admin/invites",
            "POST /api/v1/connections/{service}/sync");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    List<ProtocolMethodAccess> protocolMethods;

    @Test
    void everyApiAndProtocolRouteDeclaresWhoMayCallIt() {
        AntPathMatcher matcher = new AntPathMatcher();
        List<String> undeclared = new ArrayList<>();
        int guarded = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getName().startsWith("org.tonearm.")) {
                continue;
            }
            for (String pattern : e.getKey().getPatternValues()) {
                if (GUARDED.stream().anyMatch(g -> matcher.match(g, pattern))) {
                    guarded++;
                    if (AccessDeclarations.ruleOf(e.getValue()).isEmpty()) {
                        undeclared.add(pattern + " " + e.getValue());
                    }
                }
            }
        }
        assertThat(guarded).as("the native API, ListenBrainz, Last.fm and Audioscrobbler routes").isGreaterThan(60);
        assertThat(undeclared).as("routes without @Access (refused with 403 until they declare one)").isEmpty();
    }

    @Test
    void theDocumentListsExactlyTheRoutesTheApplicationServes() {
        TreeSet<String> served = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getName().startsWith("org.tonearm.")) {
                return; // springdoc's own document and page
            }
            info.getPatternValues().stream().filter(p -> p.startsWith("/api/") && !NOT_NATIVE.contains(p))
                    .forEach(p -> info.getMethodsCondition().getMethods().forEach(m ->
                            served.add(m.name() + " " + OpenApiContract.documentPath(p))));
        });
        TreeSet<String> documented = new TreeSet<>();
        operations((route, op) -> documented.add(route));

        assertThat(documented).as("operations of /api/v1/openapi.json").isEqualTo(served);
    }

    @Test
    void everyOperationSaysWhatItDoesTakesAnswersAndNeeds() {
        Map<String, String> ids = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        operations((route, op) -> {
            String id = op.path("operationId").asText("");
            if (!id.matches("[a-z][a-zA-Z]+") || ids.put(id, route) != null) {
                problems.add(route + ": operationId '" + id + "' is not a unique name without numbers");
            }
            if (op.path("summary").asText("").isBlank()) {
                problems.add(route + ": no summary");
            }
            if (op.path("tags").size() != 1 || !MODULES.contains(op.path("tags").get(0).asText())) {
                problems.add(route + ": tags " + op.path("tags") + " are not one module");
            }
            JsonNode responses = op.path("responses");
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(s -> s.startsWith("2") || s.startsWith("3"))) {
                problems.add(route + ": no success response");
            }
            for (String error : List.of("400", "404", "429", "500")) {
                if (!responses.path(error).path("content").has("application/problem+json")) {
                    problems.add(route + ": no problem+json " + error);
                }
            }
            String method = route.substring(0, route.indexOf(' '));
            if (Set.of("POST", "PUT", "PATCH").contains(method) && !BODYLESS.contains(route)
                    && op.path("requestBody").path("content").isEmpty()) {
                problems.add(route + ": no request body");
            }
            if (!op.has("x-credential") || !op.has("x-required-scopes") || !op.has("security")) {
                problems.add(route + ": who may call it is not documented");
            }
            if (!op.path("security").isEmpty() && !responses.has("401")) {
                problems.add(route + ": needs a credential but documents no 401");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void documentsAListenAndABatchForSubmittingAndDistinctPages() throws IOException {
        JsonNode doc = OpenApiContract.of(api()).document();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), doc.toPrettyString()); // for a reader of a failure
        JsonNode submit = doc.at("/paths/~1api~1v1~1listens/post/requestBody/content/application~1json/schema/oneOf");
        assertThat(submit.findValuesAsText("$ref"))
                .containsExactly("#/components/schemas/ListenIn", "#/components/schemas/ListenBatchIn");
        assertThat(doc.at("/components/schemas/ListenIn/required").toString()).contains("artist", "track", "listened_at");
        // four records called Page used to overwrite each other: GET /api/v1/listens was documented as the tokens
        assertThat(doc.at("/paths/~1api~1v1~1listens/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ListenPage");
        assertThat(doc.at("/components/schemas/ListenPage/properties").has("listens")).isTrue();
        assertThat(doc.at("/components/schemas/ApiTokenPage/properties").has("tokens")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1imports/post/requestBody/content").has("multipart/form-data")).isTrue();
    }

    @Test
    void operationsShowTheDeclaredCredentialAndScopes() {
        JsonNode doc = OpenApiContract.of(api()).document();
        // hand-written: a token with listens:write submits; only a login session manages tokens; login is open
        JsonNode submit = doc.at("/paths/~1api~1v1~1listens/post");
        assertThat(submit.path("x-required-scopes").toString()).isEqualTo("[\"listens:write\"]");
        assertThat(submit.path("security").toString()).contains("\"session\"", "{\"apiToken\":[\"listens:write\"]}");
        assertThat(doc.at("/paths/~1api~1v1~1me~1tokens/post/security").toString()).isEqualTo("[{\"session\":[]}]");
        assertThat(doc.at("/paths/~1api~1v1~1auth~1login/post/security").toString()).isEqualTo("[]");
        assertThat(doc.at("/paths/~1api~1v1~1admin~1users/get/x-admin").asBoolean()).isTrue();
    }

    @Test
    void theScopeTableOfTheDocsIsTheDeclarations() throws IOException {
        String table = AccessDeclarations.table(mapping, protocolMethods);
        Path docs = Path.of("docs/api.md");
        String text = Files.readString(docs);
        String start = "<!-- access-table:start (generated from the @Access declarations; ApiContractIntegrationTests) -->\n";
        String end = "<!-- access-table:end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/access-table.md"), table);
        assertThat(from).as("docs/api.md has the table's markers").isNotNegative();
        assertThat(text.substring(from + start.length(), to))
                .as("docs/api.md#who-may-call-what; the table generated now is in target/access-table.md")
                .isEqualTo(table);
    }

    private void operations(java.util.function.BiConsumer<String, JsonNode> each) {
        JsonNode paths = OpenApiContract.of(api()).document().path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                each.accept(method.toUpperCase(Locale.ROOT) + " " + path, paths.path(path).path(method));
            }
        }));
    }

    static boolean isOpen(AccessRule rule) {
        return rule.credential() == Credential.NONE;
    }
}
