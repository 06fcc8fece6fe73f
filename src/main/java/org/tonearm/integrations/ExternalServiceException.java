package org.tonearm.integrations;

import java.time.Duration;
import java.util.List;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * A call to an external service failed: EXTERNAL_SERVICE_ERROR (502) of the shared exception family, so the native
 * advice and each protocol's advice render it without knowing about integrations. {@link #reason()} says why, in
 * words a caller can act on (retry later, re-authorize, report a bug).
 */
public class ExternalServiceException extends TonearmException {

    /** Why the call failed. */
    public enum Reason {
        /** 5xx, connection refused or reset: retried for idempotent calls, counted by the circuit breaker. */
        UNAVAILABLE,
        /** No connection within the connect timeout or no answer within the read timeout; counted like UNAVAILABLE. */
        TIMEOUT,
        /** The service answered 429 and asked to wait longer than Tonearm waits (or is still inside that wait). */
        RATE_LIMITED,
        /** The circuit breaker is open: the service failed repeatedly and is left alone until the trial call. */
        CIRCUIT_OPEN,
        /** Too many calls to this service are already in flight (bulkhead full). */
        BUSY,
        /** The service answered 4xx (other than 429): the request or its credentials are wrong. Never retried. */
        REJECTED,
        /** The service answered 2xx with a body that is not what its API documents (e.g. malformed JSON). */
        BAD_RESPONSE
    }

    private final ExternalService service;
    private final Reason reason;
    private final int upstreamStatus;
    private final Duration retryAfter;
    private final String upstreamBody;

    public ExternalServiceException(ExternalService service, Reason reason, int upstreamStatus, Duration retryAfter,
            String detail, Throwable cause) {
        this(service, reason, upstreamStatus, retryAfter, detail, cause, null);
    }

    /**
     * @param upstreamBody the error body the service answered (at most {@link #MAX_BODY} characters), or null: some
     *        APIs say what went wrong only there (Last.fm's {@code {"error": 9, ...}} comes with a plain 403)
     */
    public ExternalServiceException(ExternalService service, Reason reason, int upstreamStatus, Duration retryAfter,
            String detail, Throwable cause, String upstreamBody) {
        super(ErrorCode.EXTERNAL_SERVICE_ERROR, ErrorCode.EXTERNAL_SERVICE_ERROR.status(), detail, List.of());
        this.service = service;
        this.reason = reason;
        this.upstreamStatus = upstreamStatus;
        this.retryAfter = retryAfter;
        this.upstreamBody = upstreamBody == null || upstreamBody.length() <= MAX_BODY ? upstreamBody
                : upstreamBody.substring(0, MAX_BODY);
        if (cause != null) {
            initCause(cause);
        }
    }

    /** How much of an error body is kept: enough for any documented error object, never a whole page. */
    public static final int MAX_BODY = 4096;

    public ExternalService service() {
        return service;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status the service answered, or 0 when it gave none (timeout, refused, open circuit). */
    public int upstreamStatus() {
        return upstreamStatus;
    }

    /** How long to wait before trying again, when known (429 Retry-After, open circuit); otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The body of the service's non-2xx answer (truncated), or null when there was none. */
    public String upstreamBody() {
        return upstreamBody;
    }
}
