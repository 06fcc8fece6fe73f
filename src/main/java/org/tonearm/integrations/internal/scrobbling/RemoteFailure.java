package org.tonearm.integrations.internal.scrobbling;

import java.time.Duration;
import org.tonearm.integrations.ExternalServiceException;

/**
 * Why a call to Last.fm or ListenBrainz did not give what was asked, in the terms a sync or the outbox acts on
 * (docs/api.md#connections): wait and try again, the user must authorize again, or the account is wrong.
 */
public class RemoteFailure extends RuntimeException {

    public enum Kind {
        /** 5xx, timeout, open breaker, malformed answer, Last.fm errors 8/11/16: try again later, nothing is lost. */
        TRANSIENT,
        /** 429, Last.fm error 29: try again after {@link #retryAfter()} (or the next backoff step). */
        RATE_LIMITED,
        /** ListenBrainz 401, Last.fm errors 4/9/14 (invalid or revoked token/session): status {@code needs_reauth}. */
        NEEDS_REAUTH,
        /** The remote user does not exist (Last.fm error 6, ListenBrainz 404): the connection cannot work as given. */
        NOT_FOUND,
        /** Anything else the service refused (the operator's API key, a request it rejects): shown, retried later. */
        REJECTED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public RemoteFailure(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** When the service said how long to wait (Retry-After, an open breaker's remaining time); otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** A failure of the one HTTP client that no service-specific error body explained. */
    public static RemoteFailure of(ExternalServiceException e) {
        Kind kind = switch (e.reason()) {
            case RATE_LIMITED -> Kind.RATE_LIMITED;
            case REJECTED -> e.upstreamStatus() == 401 ? Kind.NEEDS_REAUTH
                    : e.upstreamStatus() == 404 ? Kind.NOT_FOUND : Kind.REJECTED;
            default -> Kind.TRANSIENT;
        };
        return new RemoteFailure(kind, e.getMessage(), e.retryAfter(), e);
    }
}
