package org.tonearm.compat.listenbrainz;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tonearm.identity.AccessDenied;
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.shared.TonearmException;
import tools.jackson.databind.JsonNode;

/**
 * Every error of the ListenBrainz endpoints in ListenBrainz's format: {@code {"code": status, "error": message}}
 * (listenbrainz-server webserver/errors.py {@code APIError.to_dict}), with the offending listen's top-level keys
 * merged in for listen validation errors, as ListenBrainz does. Domain exceptions are mapped by their status.
 */
@RestControllerAdvice(assignableTypes = {ListenBrainzController.class, ListenBrainzFeedbackController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ListenBrainzErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ListenBrainzErrorAdvice.class);
    /** errors.py: the answer to any unexpected exception under the API prefix (ListenBrainz's spelling). */
    static final String UNKNOWN_ERROR = "An unknown error occured.";
    static final String UNAVAILABLE = "Service unavailable. Please try again later.";

    @ExceptionHandler(ListenBrainzApiException.class)
    ResponseEntity<Map<String, Object>> listenBrainz(ListenBrainzApiException e) {
        return respond(e.status(), e.getMessage(), e.listen());
    }

    /** The route's access rule refused the caller (ListenBrainzAuth words it). */
    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Map<String, Object>> refused(AccessDenied e, HttpServletRequest request) {
        return listenBrainz(ListenBrainzAuth.refusal(request, e));
    }

    @ExceptionHandler(TonearmException.class)
    ResponseEntity<Map<String, Object>> domain(TonearmException e) {
        return switch (e.code()) {
            case VALIDATION_ERROR -> respond(400, e.getMessage(), null);
            case AUTH_INVALID_CREDENTIALS, AUTH_TOKEN_EXPIRED, AUTH_TOKEN_INVALID ->
                    respond(401, "Invalid authorization token.", null);
            case PERMISSION_DENIED -> respond(403, e.getMessage(), null);
            case RESOURCE_NOT_FOUND -> respond(404, e.getMessage(), null);
            case PAYLOAD_TOO_LARGE -> respond(400, e.getMessage(), null);
            case RATE_LIMIT_EXCEEDED -> respond(429, ListenBrainzRateLimitInterceptor.OVER_LIMIT, null);
            case DATABASE_ERROR, EXTERNAL_SERVICE_ERROR -> unavailable();
            default -> respond(e.status() >= 400 ? e.status() : 500, UNKNOWN_ERROR, null);
        };
    }

    /** 503 + Retry-After (issue #16); see DatabaseUnavailable for why three exception types. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, org.jooq.exception.DataAccessException.class})
    ResponseEntity<Map<String, Object>> database(Exception e, HttpServletRequest request) {
        log.error("database error on {} {}", request.getMethod(), request.getRequestURI(), e);
        String reason = DatabaseUnavailable.reason(e);
        return reason.equals(DatabaseUnavailable.REASON) ? unavailable() : unavailable(reason);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.causedBy(e)) {
            return database(e, request);
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(500, UNKNOWN_ERROR, null);
    }

    private static ResponseEntity<Map<String, Object>> unavailable() {
        return unavailable(UNAVAILABLE);
    }

    private static ResponseEntity<Map<String, Object>> unavailable(String message) {
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_JSON).body(body(503, message, null));
    }

    private static ResponseEntity<Map<String, Object>> respond(int status, String message, JsonNode listen) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status, message, listen));
    }

    static Map<String, Object> body(int status, String message, JsonNode listen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("error", message);
        if (listen != null && listen.isObject()) {
            listen.properties().forEach(p -> body.putIfAbsent(p.getKey(), p.getValue()));
        }
        return body;
    }
}
