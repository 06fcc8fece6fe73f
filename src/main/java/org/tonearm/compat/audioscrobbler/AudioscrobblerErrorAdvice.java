package org.tonearm.compat.audioscrobbler;

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
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * Failures as the protocol's plain-text replies, always HTTP 200 as Audioscrobbler servers answer: clients read the
 * first line ({@code BADAUTH}, {@code BADTIME}, {@code BADSESSION}, {@code FAILED <reason>}).
 */
@RestControllerAdvice(assignableTypes = AudioscrobblerController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AudioscrobblerErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(AudioscrobblerErrorAdvice.class);

    @ExceptionHandler(AudioscrobblerException.class)
    ResponseEntity<String> protocol(AudioscrobblerException e) {
        return AudioscrobblerController.text(e.getMessage() + "\n");
    }

    @ExceptionHandler(TonearmException.class)
    ResponseEntity<String> domain(TonearmException e) {
        if (e.code() == ErrorCode.DATABASE_ERROR) {
            return unavailable();
        }
        String reason = switch (e.code()) {
            case AUTH_INVALID_CREDENTIALS, AUTH_TOKEN_INVALID, AUTH_TOKEN_EXPIRED, PERMISSION_DENIED -> null;
            default -> e.getMessage();
        };
        return AudioscrobblerController.text(reason == null ? "BADSESSION\n" : "FAILED " + oneLine(reason) + "\n");
    }

    /**
     * The database is away (issue #16): {@code FAILED <reason>}, with 503 and Retry-After so that a client reading
     * the status instead of the first line also holds the submission and retries it.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, org.jooq.exception.DataAccessException.class})
    ResponseEntity<String> database(Exception e) {
        log.error("database error in the Audioscrobbler API", e);
        return unavailable("FAILED " + DatabaseUnavailable.reason(e) + "\n");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return database(e);
        }
        log.error("unexpected error in the Audioscrobbler API", e);
        return AudioscrobblerController.text("FAILED Internal error; try again later\n");
    }

    private static ResponseEntity<String> unavailable() {
        return unavailable(AudioscrobblerUnavailableReply.FAILED);
    }

    private static ResponseEntity<String> unavailable(String body) {
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).body(body);
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
