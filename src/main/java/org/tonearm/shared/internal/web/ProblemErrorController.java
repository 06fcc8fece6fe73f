package org.tonearm.shared.internal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.shared.ErrorCode;

/**
 * {@code /error}, where the servlet container sends whatever no advice or filter answered, in problem+json like
 * every other error (docs/api.md#accounts-and-authentication) instead of Spring Boot's {@code {"timestamp":…,"status":…}} body (issue #16). A
 * database failure that got this far is still a 503 with {@code Retry-After}; anything else keeps the status the
 * container chose, with the docs/api.md#accounts-and-authentication code that status stands for.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri : request.getRequestURI();
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseUnavailable.causedBy(failure)) {
            return ResponseEntity.status(503)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .contentType(ProblemDetailsAdvice.PROBLEM_JSON)
                    .body(ProblemDetailsAdvice.body(503, ErrorCode.DATABASE_ERROR, DatabaseUnavailable.REASON, List.of(), path));
        }
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer forwarded)) {
            // asked for directly, not forwarded by the container: there is no such endpoint
            return ResponseEntity.status(404).contentType(ProblemDetailsAdvice.PROBLEM_JSON).body(ProblemDetailsAdvice.body(
                    404, ErrorCode.RESOURCE_NOT_FOUND, "No such endpoint: " + path, List.of(), path));
        }
        int status = forwarded >= 400 ? forwarded : 500;
        ErrorCode code = codeFor(status);
        String detail = status >= 500 ? "Internal error" : codeDetail(status);
        return ResponseEntity.status(status).contentType(ProblemDetailsAdvice.PROBLEM_JSON)
                .body(ProblemDetailsAdvice.body(status, code, detail, List.of(), path));
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.AUTH_TOKEN_INVALID;
            case 403 -> ErrorCode.PERMISSION_DENIED;
            case 404 -> ErrorCode.RESOURCE_NOT_FOUND;
            case 409 -> ErrorCode.RESOURCE_CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 429 -> ErrorCode.RATE_LIMIT_EXCEEDED;
            case 502 -> ErrorCode.EXTERNAL_SERVICE_ERROR;
            case 503 -> ErrorCode.DATABASE_ERROR;
            default -> status < 500 ? ErrorCode.VALIDATION_ERROR : ErrorCode.INTERNAL_ERROR;
        };
    }

    private static String codeDetail(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 413 -> "The request is too large";
            default -> "The request was rejected";
        };
    }
}
