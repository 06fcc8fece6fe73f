package org.tonearm.compat.audioscrobbler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
        String reason = switch (e.code()) {
            case AUTH_INVALID_CREDENTIALS, AUTH_TOKEN_INVALID, AUTH_TOKEN_EXPIRED, PERMISSION_DENIED -> null;
            default -> e.getMessage();
        };
        return AudioscrobblerController.text(reason == null ? "BADSESSION\n" : "FAILED " + oneLine(reason) + "\n");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("unexpected error in the Audioscrobbler API", e);
        return AudioscrobblerController.text("FAILED Internal error; try again later\n");
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
