package org.tonearm.compat.lastfm;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
        String message = error == LastfmError.INVALID_PARAMETERS ? "Invalid parameters - " + e.getMessage() : error.message;
        return LastfmRendering.error(error, message, json(request));
    }

    /** Error 16 tells clients to retry later (the lastfm npm client and others do). */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<String> database(DataAccessException e, HttpServletRequest request) {
        log.error("database error in the Last.fm API", e);
        return LastfmRendering.error(LastfmError.TEMPORARY_ERROR, LastfmError.TEMPORARY_ERROR.message, json(request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error in the Last.fm API", e);
        return LastfmRendering.error(LastfmError.OPERATION_FAILED, LastfmError.OPERATION_FAILED.message, json(request));
    }

    private static boolean json(HttpServletRequest request) {
        return "json".equalsIgnoreCase(request.getParameter("format"));
    }
}
