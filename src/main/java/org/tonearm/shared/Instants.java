package org.tonearm.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants on the wire: ISO-8601 UTC with milliseconds out (docs/api.md#conventions); ISO string or epoch seconds in. */
public final class Instants {

    private static final DateTimeFormatter OUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Instants() {}

    public static String format(long epochMillis) {
        return OUT.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String formatOrNull(Long epochMillis) {
        return epochMillis == null ? null : format(epochMillis);
    }
}
