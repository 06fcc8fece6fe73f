package org.tonearm.catalog.internal.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits long lists so no statement exceeds the bind-variable limits of SQLite and PostgreSQL. */
final class Chunks {

    /** Keys per {@code IN (...)} list. */
    static final int IN_LIST = 500;
    /** Bind variables per multi-row insert (each row uses one per column). */
    static final int INSERT_VARIABLES = 2000;

    private Chunks() {}

    static <T> List<List<T>> of(Collection<T> items, int size) {
        List<T> all = items instanceof List<T> list ? list : new ArrayList<>(items);
        List<List<T>> chunks = new ArrayList<>((all.size() + size - 1) / size);
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    static <T> List<List<T>> forInsert(Collection<T> rows, int columns) {
        return of(rows, Math.max(1, INSERT_VARIABLES / columns));
    }
}
