package org.tonearm.listens;

import java.util.Locale;

/** Where a listen was played (docs/api.md#listens). Wire form is the lower-case name. */
public enum Service {
    SPOTIFY(5),
    APPLE_MUSIC(4),
    YOUTUBE_MUSIC(3),
    TIDAL(2),
    DEEZER(2),
    BANDCAMP(2),
    LOCAL(2),
    OTHER(2);

    /**
     * Merge priority (docs/api.md#deduplication): spotify > apple_music > youtube_music > other services > manual entry.
     * Manual entry (the web form) ranks below every service; see {@link Channel#WEB}.
     */
    private final int priority;

    Service(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }

    /**
     * The merge priority of a report of a play from this service that arrived through {@code channel}: the
     * service's, except manual entry (the web form), which ranks below every service (docs/api.md#listens).
     */
    public int priorityVia(Channel channel) {
        return channel == Channel.WEB ? 1 : priority;
    }

    /** Computed once: the funnel asks for it several times per listen (deduplication source keys). */
    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }

    public static Service fromWire(String value) {
        for (Service s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service: " + value);
    }
}
