package org.tonearm.compat.lastfm;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.shared.TonearmException;

/**
 * Every failure of the Last.fm API as a Last.fm error document ({@code <lfm status="failed"><error code="9">…}
 * or {@code {"error":9,"message":"…"}}), never problem+json: Last.fm clients only understand their own format.
 */
@RestControllerAdvice(assignableTypes = LastfmController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LastfmErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(LastfmErrorAdvice.class);

    @ExceptionHandler(LastfmException.class)
    ResponseEntity<String> lastfm(LastfmException e, HttpServletRequest request) {
        return LastfmRendering.error(e.error, e.getMessage(), json(request));
    }

    /** Domain exceptions from the funnel or identity, in Last.fm's terms. */
    @ExceptionHandler(TonearmException.class)
    ResponseEntity<String> domain(TonearmException e, HttpServletRequest request) {
        LastfmError error = switch (e.code()) {
            case VALIDATION_ERROR, PAYLOAD_TOO_LARGE -> LastfmError.INVALID_PARAMETERS;
            case RESOURCE_NOT_FOUND -> LastfmError.INVALID_PARAMETERS;
            case AUTH_INVALID_CREDENTIALS -> LastfmError.AUTHENTICATION_FAILED;
            case AUTH_TOKEN_EXPIRED, AUTH_TOKEN_INVALID -> LastfmError.INVALID_SESSION_KEY;
            case PERMISSION_DENIED -> LastfmError.AUTHENTICATION_FAILED;
            case RATE_LIMIT_EXCEEDED -> LastfmError.RATE_LIMIT_EXCEEDED;
            case DATABASE_ERROR, EXTERNAL_SERVICE_ERROR -> LastfmError.TEMPORARY_ERROR;
            default -> LastfmError.OPERATION_FAILED;
        };
        if (error == LastfmError.TEMPORARY_ERROR) {
            return temporary(request, LastfmError.TEMPORARY_ERROR.message);
        }
        String message = error == LastfmError.INVALID_PARAMETERS ? "Invalid parameters - " + e.getMessage() : error.message;
        return LastfmRendering.error(error, message, json(request));
    }

    /** Error 16 tells clients to retry later (the lastfm npm client and others do). */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, org.jooq.exception.DataAccessException.class})
    ResponseEntity<String> database(Exception e, HttpServletRequest request) {
        log.error("database error in the Last.fm API", e);
        String reason = DatabaseUnavailable.reason(e);
        return temporary(request, reason.equals(DatabaseUnavailable.REASON)
                ? LastfmError.TEMPORARY_ERROR.message : LastfmError.TEMPORARY_ERROR.message + " (" + reason + ")");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.causedBy(e)) {
            return database(e, request);
        }
        log.error("unexpected error in the Last.fm API", e);
        return LastfmRendering.error(LastfmError.OPERATION_FAILED, LastfmError.OPERATION_FAILED.message, json(request));
    }

    /** Error 16 (HTTP 503) with Retry-After (issue #16). */
    private static ResponseEntity<String> temporary(HttpServletRequest request, String message) {
        ResponseEntity<String> error = LastfmRendering.error(LastfmError.TEMPORARY_ERROR, message, json(request));
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)).body(error.getBody());
    }

    private static boolean json(HttpServletRequest request) {
        return "json".equalsIgnoreCase(request.getParameter("format"));
    }
}
