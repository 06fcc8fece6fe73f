package org.tonearm.integrations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One request to an external service, relative to its configured base URL. GET, PUT and DELETE are idempotent and
 * retried on 5xx/timeouts; POST is never retried unless the caller knows repeating it is harmless and says so with
 * {@link #idempotent()} (RFC 9110 §9.2.2).
 *
 * @param uriTemplate path (and query) relative to the base URL, with {@code {name}} placeholders
 * @param uriVariables values for the placeholders, in order; encoded by the client
 */
public record ExternalRequest(HttpMethod method, String uriTemplate, List<Object> uriVariables,
        Map<String, String> headers, MediaType contentType, Object body, boolean retryable) {

    private static final List<HttpMethod> IDEMPOTENT = List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE,
            HttpMethod.HEAD);

    public ExternalRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uriTemplate, "uriTemplate");
        uriVariables = List.copyOf(uriVariables);
        headers = Map.copyOf(headers);
    }

    public static ExternalRequest get(String uriTemplate, Object... uriVariables) {
        return of(HttpMethod.GET, uriTemplate, null, uriVariables);
    }

    public static ExternalRequest delete(String uriTemplate, Object... uriVariables) {
        return of(HttpMethod.DELETE, uriTemplate, null, uriVariables);
    }

    public static ExternalRequest put(String uriTemplate, Object body, Object... uriVariables) {
        return of(HttpMethod.PUT, uriTemplate, body, uriVariables);
    }

    /** Not retried: see {@link #idempotent()}. */
    public static ExternalRequest post(String uriTemplate, Object body, Object... uriVariables) {
        return of(HttpMethod.POST, uriTemplate, body, uriVariables);
    }

    private static ExternalRequest of(HttpMethod method, String uriTemplate, Object body, Object... uriVariables) {
        return new ExternalRequest(method, uriTemplate, List.of(uriVariables), Map.of(),
                body == null ? null : MediaType.APPLICATION_JSON, body, IDEMPOTENT.contains(method));
    }

    /** The caller guarantees repeating this request is harmless (e.g. a POST keyed by an idempotency id). */
    public ExternalRequest idempotent() {
        return new ExternalRequest(method, uriTemplate, uriVariables, headers, contentType, body, true);
    }

    public ExternalRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ExternalRequest(method, uriTemplate, uriVariables, more, contentType, body, retryable);
    }

    /** E.g. {@code application/x-www-form-urlencoded} with a {@code MultiValueMap} body (Last.fm, OAuth token calls). */
    public ExternalRequest contentType(MediaType type) {
        return new ExternalRequest(method, uriTemplate, uriVariables, headers, type, body, retryable);
    }
}
