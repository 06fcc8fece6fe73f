package org.tonearm.integrations.internal.connection;

import java.util.Map;
import org.tonearm.shared.TonearmException;

/**
 * The SPI of one external service a user can connect (issue 13; the how-to is in the package documentation of
 * {@code org.tonearm.integrations}). A provider is a Spring bean implementing this interface; the connection service
 * and the scheduler find every bean by {@link #service()}.
 */
public interface ConnectionProvider {

    /** The service name: the {@code {service}} of {@code /api/v1/connections/{service}} and the table's column. */
    String service();

    /** Whether the operator configured what the provider needs (e.g. a Spotify client id); false hides it. */
    default boolean available() {
        return true;
    }

    /**
     * The origin ({@code https://host[:port]}) of the page {@link #connect} redirects the browser to, or null when it
     * never redirects: the web page allows form submissions to lead there (CSP {@code form-action}).
     */
    default String authorizeOrigin() {
        return null;
    }

    /**
     * Starts connecting the user: either connects at once ({@link ConnectResult.Connected}, e.g. a user name and
     * token) or answers where to send the user's browser ({@link ConnectResult.Redirect}, OAuth). Throws
     * {@code TonearmException.invalid} for a bad body.
     */
    ConnectResult connect(long userId, ConnectRequest request);

    /**
     * Completes an OAuth-style connection with the parameters the service's redirect brought back. {@code userId} is
     * the caller when one is authenticated, else null (the state alone names the user). The default refuses: only
     * redirecting providers have a callback, so for the others the open callback route is RESOURCE_NOT_FOUND, as an
     * unknown service's (docs/api.md#errors: a caller's request is never a 5xx).
     */
    default ConnectResult.Connected callback(Long userId, Map<String, String> params) {
        throw TonearmException.notFound("OAuth callback of " + service());
    }

    /**
     * One idempotent step of the connection: a poll for new plays, or one page of a history backfill. It commits the
     * plays it finds through the ingestion funnel ({@code ListenService.ingestBatch}, channel {@code sync}) and only
     * then returns the cursor and backfill progress reached, which the scheduler stores. A crash between the two
     * repeats the step from the old cursor, and the funnel's deduplication stores nothing twice.
     *
     * @throws ReauthorizationRequired when the service refuses the stored authorization (status needs_reauth)
     * @throws org.tonearm.integrations.ExternalServiceException when the service failed (status error, retried)
     */
    SyncStep sync(Connection connection);

    /** Called when the user disconnects, before the secrets are deleted (e.g. revoke a token); failures are ignored. */
    default void disconnect(Connection connection) {}
}
