package org.tonearm.integrations.internal.scrobbling;

import java.time.Duration;
import java.util.function.Supplier;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.integrations.internal.connection.Connection;
import org.tonearm.integrations.internal.connection.ReauthorizationRequired;
import org.tonearm.integrations.internal.connection.SyncStep;

/** What the Last.fm and ListenBrainz providers share around one pull step. */
public final class PullSteps {

    private PullSteps() {}

    /**
     * Runs one step and turns its progress into the scheduler's {@link SyncStep}: the cursor is the newest play seen
     * (epoch s), the backfill JSON the whole progress (kept after the backfill so its figures stay visible), the next
     * step at once while backfilling, else after the poll interval. A {@link RemoteFailure} becomes what the scheduler
     * understands: needs re-authorization, or the service's failure with its Retry-After.
     */
    public static SyncStep run(Connection connection, ExternalService service, Duration interval,
            Supplier<PullProgress> step) {
        PullProgress before = PullProgress.parse(connection.backfill(), System.currentTimeMillis());
        PullProgress after;
        try {
            after = step.get();
        } catch (RemoteFailure f) {
            throw translate(service, f);
        }
        int received = (int) (after.rows() - before.rows());
        int stored = (int) (after.imported() + after.merged() - before.imported() - before.merged());
        return new SyncStep(after.newest() == null ? connection.cursor() : Long.toString(after.newest()), after.json(),
                received, stored, after.backfilling() ? Duration.ZERO : interval);
    }

    public static RuntimeException translate(ExternalService service, RemoteFailure f) {
        return switch (f.kind()) {
            case NEEDS_REAUTH -> new ReauthorizationRequired(f.getMessage());
            // the service's failure with its reason and Retry-After, in words naming the service's own error
            default -> f.getCause() instanceof ExternalServiceException e
                    ? new ExternalServiceException(service, e.reason(), e.upstreamStatus(), e.retryAfter(),
                            f.getMessage(), f, e.upstreamBody())
                    : new ExternalServiceException(service, f.kind() == RemoteFailure.Kind.RATE_LIMITED
                            ? ExternalServiceException.Reason.RATE_LIMITED
                            : f.kind() == RemoteFailure.Kind.TRANSIENT ? ExternalServiceException.Reason.BAD_RESPONSE
                            : ExternalServiceException.Reason.REJECTED, 0, f.retryAfter(), f.getMessage(), f);
        };
    }
}
