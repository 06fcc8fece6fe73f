package org.tonearm.identity.internal.docs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /api/v1/openapi.json}) and its page ({@code /api/docs}), generated from the
 * controllers by springdoc. Added here what the code does not say on its own: the bearer/token security scheme,
 * the docs/api.md#gateway problem+json body, and the errors every endpoint can answer (400, 401, 403, 404, 413, 429, 500).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    /** The endpoints a caller reaches without credentials: no 401/403 is documented for them. */
    static final Set<String> PUBLIC_PREFIXES = Set.of("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/oidc");

    private static final Map<String, String> ERRORS = errors();

    @Bean
    OpenAPI tonearmOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tonearm API").version("v1")
                        .description("Native REST API of Tonearm (docs/api.md#conventions). Errors are application/problem+json "
                                + "(RFC 9457) with a stable `code`. Rate limits are reported in X-RateLimit-* headers."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("JWT access token from login, or a personal API token (also accepted as "
                                        + "'Authorization: Token <t>')"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * The wire is snake_case (spring.jackson.property-naming-strategy), but swagger-core reads the records with its
     * own (Jackson 2) mapper: give it the same naming so the documented shapes are the real ones.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
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
                boolean open = PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
                if (open) {
                    op.setSecurity(java.util.List.of());
                }
                ERRORS.forEach((status, description) -> {
                    if (open && (status.equals("403"))) {
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
