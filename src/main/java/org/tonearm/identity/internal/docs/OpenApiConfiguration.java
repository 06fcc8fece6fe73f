package org.tonearm.identity.internal.docs;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tonearm.identity.Access;
import org.tonearm.identity.AccessRule;
import org.tonearm.identity.Credential;

/**
 * The OpenAPI document ({@code /api/v1/openapi.json}) and its page ({@code /api/docs}), generated from the
 * controllers by springdoc. Added here what the code does not say on its own: the two security schemes (login session, API token) and each operation's requirement from its route's
 * {@link Access} declaration, its module as its tag,
 * the docs/api.md#gateway problem+json body, and the errors every endpoint can answer (400, 401, 403, 404, 413, 429, 500).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String SESSION = "session";
    static final String API_TOKEN = "apiToken";

    private static final Map<String, String> ERRORS = errors();

    @Bean
    OpenAPI tonearmOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tonearm API").version("v1")
                        .description("Native REST API of Tonearm (docs/api.md#conventions). Errors are application/problem+json "
                                + "(RFC 9457) with a stable `code`. Rate limits are reported in X-RateLimit-* headers."))
                .components(new Components()
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("A login session: the access_token of POST /api/v1/auth/login "
                                        + "(or register, refresh, OIDC). It holds every scope."))
                        .addSecuritySchemes(API_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token (POST /api/v1/me/tokens), as 'Authorization: Bearer <t>' or "
                                        + "'Authorization: Token <t>'. It holds the scopes it was created with; an operation "
                                        + "lists the scopes it needs (also in x-required-scopes)."))
                        .addSchemas(PROBLEM, problemSchema()))
                .tags(List.of(
                        new Tag().name("identity").description("Accounts, login sessions, API tokens, administration"),
                        new Tag().name("listens").description("Submitting, listing and correcting listens; now playing"),
                        new Tag().name("library").description("The catalog entries of your listens, search"),
                        new Tag().name("imports").description("Importing listening history files; exports"),
                        new Tag().name("stats").description("Statistics (docs/api.md#statistics)"),
                        new Tag().name("compat").description("Settings of the compatibility protocols (Last.fm apps)"),
                        new Tag().name("integrations").description("Connections to Spotify, Last.fm, ListenBrainz (docs/api.md#connections)")));
    }

    /** The records as they are on the wire (snake_case, nulls, JsonNode) with unique schema names. */
    @Bean
    ModelResolver tonearmModelResolver() {
        return new TonearmModelResolver(Json.mapper());
    }

    /**
     * Each operation from its handler: who may call it (the route's {@link Access} declaration as {@code security}
     * with its scopes, plus {@code x-credential}, {@code x-required-scopes}, {@code x-admin};
     * docs/api.md#who-may-call-what) and its module as its tag.
     */
    @Bean
    OperationCustomizer accessAndModule() {
        return (operation, handler) -> {
            String module = handler.getBeanType().getPackageName().replaceFirst("^org\\.tonearm\\.", "").split("\\.")[0];
            operation.setTags(new ArrayList<>(List.of(module)));
            AccessRule access = AccessRule.declaredBy(handler.getMethod(), handler.getBeanType()).orElse(null);
            if (access == null) {
                return operation; // ApiContractIntegrationTests names it; the security layer refuses it
            }
            List<String> scopes = access.scopes();
            operation.addExtension("x-credential", access.credential().name().toLowerCase(java.util.Locale.ROOT));
            operation.addExtension("x-required-scopes", scopes);
            if (access.admin()) {
                operation.addExtension("x-admin", true);
            }
            List<SecurityRequirement> security = new ArrayList<>();
            if (access.credential() == Credential.SESSION || access.credential() == Credential.ANY) {
                security.add(new SecurityRequirement().addList(SESSION));
            }
            if (access.credential() == Credential.API_TOKEN || access.credential() == Credential.ANY) {
                security.add(new SecurityRequirement().addList(API_TOKEN, scopes));
            }
            // NONE: anyone (an empty list overrides nothing, there is no global requirement)
            operation.setSecurity(security);
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
                ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
                boolean open = op.getSecurity() == null || op.getSecurity().isEmpty();
                ERRORS.forEach((status, description) -> {
                    if (open && status.equals("403")) {
                        return;
                    }
                    if (!responses.containsKey(status)) {
                        responses.addApiResponse(status, problem(description));
                    }
                });
                op.setResponses(responses);
            }));
        };
    }

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Malformed or invalid input (VALIDATION_ERROR, with `errors` per field)");
        errors.put("401", "Missing, invalid or expired credentials (AUTH_TOKEN_INVALID, AUTH_TOKEN_EXPIRED, AUTH_INVALID_CREDENTIALS)");
        errors.put("403", "Authenticated but not allowed, e.g. a token without the needed scope (PERMISSION_DENIED)");
        errors.put("404", "No such resource, or not yours (RESOURCE_NOT_FOUND)");
        errors.put("413", "Request body too large (PAYLOAD_TOO_LARGE)");
        errors.put("429", "Rate limit or login lock (RATE_LIMIT_EXCEEDED); see Retry-After");
        errors.put("500", "Unexpected error (INTERNAL_ERROR)");
        return errors;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema schema = new ObjectSchema();
        schema.description("RFC 9457 problem details with Tonearm's stable error code (docs/api.md#errors)");
        schema.addProperty("type", new StringSchema());
        schema.addProperty("title", new StringSchema());
        schema.addProperty("status", new IntegerSchema());
        schema.addProperty("detail", new StringSchema());
        schema.addProperty("instance", new StringSchema());
        schema.addProperty("code", new StringSchema()._enum(java.util.List.of("AUTH_INVALID_CREDENTIALS", "AUTH_TOKEN_EXPIRED",
                "AUTH_TOKEN_INVALID", "VALIDATION_ERROR", "RESOURCE_NOT_FOUND", "RESOURCE_CONFLICT", "PAYLOAD_TOO_LARGE",
                "RATE_LIMIT_EXCEEDED", "EXTERNAL_SERVICE_ERROR", "DATABASE_ERROR", "PERMISSION_DENIED", "INTERNAL_ERROR")));
        schema.addProperty("request_id", new StringSchema());
        schema.addProperty("errors", new ArraySchema().items(fieldError));
        return schema;
    }
}
