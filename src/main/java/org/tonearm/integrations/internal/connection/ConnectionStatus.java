package org.tonearm.integrations.internal.connection;

import java.util.Locale;

/** A connection's state as the user sees it (docs/api.md#connections). Wire and column form: the lower-case name. */
public enum ConnectionStatus {
    /** Syncing as planned (the last step succeeded, or none ran yet). */
    ACTIVE,
    /** The service refused the stored authorization (e.g. OAuth {@code invalid_grant}): the user must connect again. */
    NEEDS_REAUTH,
    /** The last step failed (service down, rate limited, bad answer); retried at next_sync_at. */
    ERROR,
    /** The user disconnected: no syncs, credentials deleted. */
    DISCONNECTED;

    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }

    public static ConnectionStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
