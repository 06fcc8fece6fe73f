package org.tonearm.shared.internal.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.RateLimitedException;
import org.tonearm.shared.RequestIds;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.TonearmException.FieldError;

/**
 * Renders every error of the native API as RFC 9457 problem+json with the docs/api.md#errors fields:
 * {@code type, title, status, detail, code, request_id} and, for validation, {@code errors}.
 * The compatibility protocols register their own, higher-priority advice for their packages.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    @ExceptionHandler(TonearmException.class)
    ResponseEntity<Map<String, Object>> tonearm(TonearmException e, HttpServletRequest request) {
        return problem(e.status(), e.code(), e.getMessage(), e.fieldErrors(), request);
    }

    /** 429 with {@code Retry-After} (docs/api.md#gateway). */
    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Map<String, Object>> rateLimited(RateLimitedException e, HttpServletRequest request) {
        return ResponseEntity.status(429)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(PROBLEM_JSON)
                .body(body(429, e.code(), e.getMessage(), List.of(), request.getRequestURI()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        // docs/api.md#accounts-and-authentication: name the field a body could not be bound at (wrong JSON type, not an object), not just "body"
        List<FieldError> errors = UnreadableBody.errors(e);
        return problem(400, ErrorCode.VALIDATION_ERROR, UnreadableBody.detail(errors), errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(400, ErrorCode.VALIDATION_ERROR, e.getName() + " has the wrong type",
                List.of(new FieldError(e.getName(), "has the wrong type")), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(400, ErrorCode.VALIDATION_ERROR, e.getParameterName() + " is required",
                List.of(new FieldError(e.getParameterName(), "is required")), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(413, ErrorCode.PAYLOAD_TOO_LARGE, "The upload is too large",
                List.of(new FieldError("file", "too large")), request);
    }

    /**
     * A path nothing maps. A browser asking for a page (its {@code Accept} names {@code text/html}, outside the API
     * prefixes) gets the web's 404 page in the dashboard's layout, forwarded to {@code /ui/error/404} so this module
     * does not depend on the web's; every API client keeps the problem+json. Such a path is outside the web's
     * session-based security chain (WebPaths), so the page shows the signed-out layout even to a signed-in user.
     */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e, HttpServletRequest request,
            HttpServletResponse response) throws ServletException, IOException {
        if (wantsPage(request)) {
            request.getRequestDispatcher("/ui/error/404").forward(request, response);
            return null;
        }
        return problem(404, ErrorCode.RESOURCE_NOT_FOUND, "No such endpoint: " + request.getRequestURI(), List.of(), request);
    }

    private static final List<String> API_PREFIXES = List.of("/api/", "/1/", "/2.0", "/apis/", "/actuator", "/health");

    static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
                && API_PREFIXES.stream().noneMatch(path::startsWith);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        // RFC 9110 §15.5.6: a 405 names the allowed methods
        ResponseEntity<Map<String, Object>> problem =
                problem(405, ErrorCode.VALIDATION_ERROR, "Method " + e.getMethod() + " is not allowed here", List.of(), request);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(problem.getHeaders());
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(problem.getBody(), headers, problem.getStatusCode());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(415, ErrorCode.VALIDATION_ERROR, "Content type not supported; send application/json", List.of(), request);
    }

    /**
     * 503 + {@code Retry-After} (issue #16): a transaction that could not begin is a TransactionException and a
     * connection jOOQ could not acquire is jOOQ's own exception, neither a Spring DataAccessException.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, org.jooq.exception.DataAccessException.class})
    ResponseEntity<Map<String, Object>> database(Exception e, HttpServletRequest request) {
        log.error("database error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(503)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .contentType(PROBLEM_JSON)
                .body(body(503, ErrorCode.DATABASE_ERROR, DatabaseUnavailable.reason(e), List.of(), request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.causedBy(e)) {
            return database(e, request);
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(500, ErrorCode.INTERNAL_ERROR, "Internal error", List.of(), request);
    }

    /** Builds the problem body; public so that security entry points render the same shape. */
    public static ResponseEntity<Map<String, Object>> problem(int status, ErrorCode code, String detail,
            List<FieldError> errors, HttpServletRequest request) {
        return ResponseEntity.status(status)
                .contentType(PROBLEM_JSON)
                .body(body(status, code, detail, errors, request.getRequestURI()));
    }

    public static Map<String, Object> body(int status, ErrorCode code, String detail, List<FieldError> errors, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://tonearm.org/problems/" + code.name().toLowerCase().replace('_', '-'));
        HttpStatus known = HttpStatus.resolve(status);
        body.put("title", known != null ? known.getReasonPhrase() : HttpStatusCode.valueOf(status).toString());
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("code", code.name());
        body.put("request_id", RequestIds.current());
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return body;
    }

    static HttpHeaders none() {
        return new HttpHeaders();
    }
}
