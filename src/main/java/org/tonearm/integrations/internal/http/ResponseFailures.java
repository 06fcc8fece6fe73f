package org.tonearm.integrations.internal.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClientResponseException;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.integrations.ExternalServiceException.Reason;

/** Turns what RestClient throws into the one {@link ExternalServiceException} callers handle. */
final class ResponseFailures {

    private ResponseFailures() {}

    static ExternalServiceException map(ExternalService service, RuntimeException e, RetryAfterGate gate, Clock clock) {
        if (e instanceof ExternalServiceException already) {
            return already;
        }
        String name = service.key();
        if (e instanceof RestClientResponseException response) {
            int status = response.getStatusCode().value();
            String body = response.getResponseBodyAsString();
            if (status == 429) {
                HttpHeaders headers = response.getResponseHeaders();
                String retryAfter = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
                if (retryAfter == null && headers != null) {
                    // ListenBrainz says when its window resets in X-RateLimit-Reset-In (seconds) instead
                    // (https://listenbrainz.readthedocs.io/en/latest/users/api/index.html#rate-limiting)
                    retryAfter = headers.getFirst("X-RateLimit-Reset-In");
                }
                Duration wait = RetryAfter.parse(retryAfter, clock.instant());
                gate.block(wait); // every later call to this service waits (or, beyond the bound, fails fast)
                if (!gate.withinBound(wait)) {
                    return gate.tooLong(wait, e);
                }
                return new ExternalServiceException(service, Reason.RATE_LIMITED, 429, wait,
                        name + " answered 429; Retry-After " + wait.toSeconds() + " s", e, body);
            }
            if (status >= 500) {
                // a 503 may say when to come back (RFC 9110 §10.2.3; MusicBrainz answers 503 to clients over its
                // rate limit): passed on to the caller, not enforced here
                String after = response.getResponseHeaders() == null ? null
                        : response.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
                return new ExternalServiceException(service, Reason.UNAVAILABLE, status,
                        after == null ? null : RetryAfter.parse(after, clock.instant()), name + " answered " + status,
                        e, body);
            }
            return new ExternalServiceException(service, Reason.REJECTED, status, null,
                    name + " rejected the request with " + status, e, body);
        }
        if (causedBy(e, HttpTimeoutException.class) || causedBy(e, SocketTimeoutException.class)) {
            return new ExternalServiceException(service, Reason.TIMEOUT, 0, null,
                    name + " did not answer in time", e);
        }
        // RestClient wraps a body it cannot convert (malformed JSON, HTML instead of JSON) in a plain
        // RestClientException whose cause is the converter's error, not an IOException of the connection
        boolean unreadable = causedBy(e, org.springframework.http.converter.HttpMessageNotReadableException.class)
                || e instanceof org.springframework.web.client.UnknownContentTypeException;
        if (!unreadable && causedBy(e, IOException.class)) {
            return new ExternalServiceException(service, Reason.UNAVAILABLE, 0, null,
                    name + " could not be reached: " + rootMessage(e), e);
        }
        return new ExternalServiceException(service, Reason.BAD_RESPONSE, 0, null,
                name + " answered with a body Tonearm cannot read: " + rootMessage(e), e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse(""));
    }
}
