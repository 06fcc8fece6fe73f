package org.tonearm.listens;

import java.util.Locale;

/** How a listen reached Tonearm (docs/api.md#listens). Wire form is the lower-case name. */
public enum Channel {
    LISTENBRAINZ_API,
    LASTFM_API,
    AUDIOSCROBBLER_API,
    NATIVE_API,
    IMPORT,
    SYNC,
    WEB;

    /** Computed once: the funnel asks for it several times per listen (deduplication source keys). */
    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }

    public static Channel fromWire(String value) {
        for (Channel c : values()) {
            if (c.wire().equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel: " + value);
    }
}
