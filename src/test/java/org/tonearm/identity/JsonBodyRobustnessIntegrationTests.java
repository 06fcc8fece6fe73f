package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every JSON-body operation of the OpenAPI document, fed the bodies a careless or hostile client sends: no body,
 * {@code null}, {@code {}}, {@code []}, and each top-level property set to {@code null} or to a value of the wrong
 * JSON type. docs/api.md#errors: bad input is a 400 problem+json naming the field, never a 5xx; a wrong type is refused, not
 * coerced (a number where a string belongs is not quietly turned into text).
 *
 * <p>The operations come from the document itself, so a new endpoint is walked without a change here. The caller is
 * an admin with a login session (admins reach every route); path ids point at real resources of the caller so the
 * body is read rather than a 404 answered first.
 */
class JsonBodyRobustnessIntegrationTests extends IntegrationTestBase {

    record Operation(String method, String path, JsonNode schema) {}

    record Call(String operation, String body, int status, String contentType, String response) {}

    @Test
    void registerWithNullUsernameIsA400NamingTheField() {
        Api.Response r = api().send("POST", "/api/v1/auth/register",
                "{\"username\":null,\"password\":\"a fine password\"}", "application/json");

        assertValidationError(r, "username");
    }

    @Test
    void wrongJsonTypesAreRefusedNamingTheFieldNotCoerced() {
        Api.User admin = Admins.create(api(), database);

        assertValidationError(api().send("POST", "/api/v1/auth/register",
                "{\"username\":123,\"password\":\"a fine password\"}", "application/json"), "username");
        assertValidationError(admin.api().send("POST", "/api/v1/me/tokens", "{\"name\":\"t\",\"scopes\":\"x\"}",
                "application/json"), "scopes");
        assertValidationError(admin.api().send("POST", "/api/v1/me/tokens", "{\"name\":123}", "application/json"),
                "name");
        assertValidationError(admin.api().send("POST", "/api/v1/admin/invites", "{\"valid_for_days\":1.5}",
                "application/json"), "valid_for_days");
        assertValidationError(admin.api().send("POST", "/api/v1/admin/invites", "{\"valid_for_days\":\"7\"}",
                "application/json"), "valid_for_days");
        assertValidationError(admin.api().send("POST", "/api/v1/auth/login", "[]", "application/json"), "body");
        assertThat(admin.api().get("/api/v1/me/tokens").json().path("tokens")).isEmpty(); // nothing half-written
    }

    @Test
    void everyJsonBodyOperationAnswersBadBodiesWith4xxProblemJsonNever5xx() {
        JsonNode doc = api().get("/api/v1/openapi.json").json();
        List<Operation> operations = jsonBodyOperations(doc);
        assertThat(operations).extracting(Operation::path)
                .contains("/api/v1/auth/register", "/api/v1/me/tokens", "/api/v1/admin/invites", "/api/v1/listens");

        List<String> failures = new ArrayList<>();
        // one admin for the whole walk (registering costs a bcrypt hash); replaced when a body logged it out
        Api.User caller = Admins.create(api(), database);
        for (Operation op : operations) {
            long target = op.path().startsWith("/api/v1/admin/users/{id}") ? api().newUser().id() : 0;
            for (Map.Entry<String, String> variant : bodies(op.schema()).entrySet()) {
                if (caller.api().get("/api/v1/me").status() == 401) {
                    caller = Admins.create(api(), database); // a previous body logged the caller out (logout with {})
                }
                String path = pathFor(op.path(), caller, target);
                Api.Response r = caller.api().send(op.method(), path, variant.getValue(), "application/json");
                String where = op.method() + " " + op.path() + " with " + variant.getKey() + " " + variant.getValue();
                String contentType = r.header("Content-Type");
                if (r.status() >= 500) {
                    failures.add(where + " -> " + r.status() + " " + r.body());
                } else if (r.status() >= 400 && (contentType == null || !contentType.startsWith("application/problem+json"))) {
                    failures.add(where + " -> " + r.status() + " not problem+json: " + contentType);
                } else if (variant.getKey().startsWith("wrong type of ")) {
                    String field = variant.getKey().substring("wrong type of ".length());
                    if (r.status() != 400 || !namesField(r, field)) {
                        failures.add(where + " -> " + r.status() + " (expected 400 naming " + field + ") " + r.body());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void assertValidationError(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(namesField(r, field)).as(r.body()).isTrue();
    }

    private static boolean namesField(Api.Response r, String field) {
        for (JsonNode e : r.json().path("errors")) {
            String named = e.path("field").asString();
            if (named.equals(field) || named.startsWith(field + "[") || named.startsWith(field + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Operations whose request body is JSON, with the body's schema ($ref resolved). */
    private static List<Operation> jsonBodyOperations(JsonNode doc) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode content = method.getValue().path("requestBody").path("content");
                JsonNode schema = content.path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), resolve(doc, schema)));
                } else if (content.isMissingNode() && List.of("post", "put", "patch").contains(method.getKey())) {
                    // bodies read by hand (the listens API parses its JSON itself) are not in the document: walk them
                    // with the generic bodies all the same
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), Api.JSON.createObjectNode()));
                }
            }
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/")
                ? doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    /** Label → raw body. A {@code null} value sends no body at all. */
    private static Map<String, String> bodies(JsonNode schema) {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("no body", null);
        bodies.put("JSON null", "null");
        bodies.put("empty object", "{}");
        bodies.put("array", "[]");
        bodies.put("string", "\"x\"");
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            ObjectNode nulled = Api.JSON.createObjectNode();
            nulled.putNull(name);
            bodies.put("null " + name, nulled.toString());
            ObjectNode wrong = Api.JSON.createObjectNode();
            switch (property.getValue().path("type").asString("")) {
                case "string" -> wrong.put(name, 123);
                case "integer" -> wrong.put(name, 1.5);
                case "number", "boolean", "array", "object" -> wrong.put(name, "x");
                default -> {
                    continue; // no single type documented (e.g. listened_at: integer or string)
                }
            }
            bodies.put("wrong type of " + name, wrong.toString());
        }
        return bodies;
    }

    /** Path parameters filled with real resources of the caller: the body is read, not a 404 answered first. */
    private static String pathFor(String template, Api.User caller, long targetUser) {
        if (template.equals("/api/v1/listens/{id}")) {
            long listen = caller.api().post("/api/v1/listens", Map.of("artist", "Robust Artist", "track", "Robust Track",
                    "listened_at", 1_700_000_000L)).json().path("listen").path("id").asLong();
            return "/api/v1/listens/" + listen;
        }
        if (template.startsWith("/api/v1/admin/users/{id}")) {
            return template.replace("{id}", Long.toString(targetUser));
        }
        return template.replaceAll("\\{[^}]+}", "1");
    }
}
