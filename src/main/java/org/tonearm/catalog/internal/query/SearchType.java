package org.tonearm.catalog.internal.query;

import java.util.Locale;
import java.util.Optional;

/** What a catalog search looks for; absent means all three. */
public enum SearchType {
    ARTIST,
    ALBUM,
    TRACK;

    public static Optional<SearchType> fromWire(String value) {
        for (SearchType t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
