package org.tonearm.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The served OpenAPI document ({@code /api/v1/openapi.json}) as a contract for real responses: a response's status
 * and content type must be documented for its operation, and a JSON body must validate against the documented
 * schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1, by the networknt validator). The component schemas are
 * carried along as {@code $defs}, so that references resolve inside one schema.
 */
public final class OpenApiContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    public static OpenApiContract of(Api api) {
        Api.Response response = api.get("/api/v1/openapi.json");
        if (response.status() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + response.status());
        }
        try {
            return new OpenApiContract(MAPPER.readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** A route as Spring maps it ({@code /stats/{kind:artists|albums|tracks}/{id}}) as the document writes it. */
    public static String documentPath(String pattern) {
        return pattern.replaceAll("\\{([A-Za-z0-9_]+):[^}]*(\\{[^}]*}[^}]*)*}", "{$1}");
    }

    /**
     * What is wrong with one real response, by the document: nothing (an empty list) when it is documented.
     *
     * @param path the operation's path as the document writes it
     */
    public List<String> check(String method, String path, Api.Response response) {
        String where = method + " " + path + " → " + response.status();
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of(where + ": operation not in the document");
        }
        JsonNode documented = operation.path("responses").path(String.valueOf(response.status()));
        if (documented.isMissingNode()) {
            return List.of(where + ": status not documented (documented: " + names(operation.path("responses")) + ")");
        }
        String body = response.body();
        JsonNode content = documented.path("content");
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of(where + ": a body, but the document says none");
        }
        String contentType = response.header("Content-Type");
        String media = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode mediaType = content.path(media);
        if (mediaType.isMissingNode()) {
            return List.of(where + ": content type " + media + " not documented (documented: " + names(content) + ")");
        }
        if (!media.endsWith("json") || !mediaType.has("schema")) {
            return List.of();
        }
        Schema schema = schemas.computeIfAbsent(method + " " + path + " " + response.status() + " " + media,
                key -> compile(mediaType.path("schema")));
        try {
            List<String> problems = new ArrayList<>();
            schema.validate(MAPPER.readTree(body)).forEach(error -> problems.add(where + ": " + error.getInstanceLocation()
                    + " " + error.getMessage()));
            return problems;
        } catch (Exception e) {
            return List.of(where + ": body is not JSON: " + e.getMessage());
        }
    }

    private Schema compile(JsonNode responseSchema) {
        ObjectNode root = responseSchema.deepCopy();
        root.set("$defs", document.path("components").path("schemas"));
        String text = root.toString().replace("#/components/schemas/", "#/$defs/");
        return registry.getSchema(text);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
