package org.tonearm.catalog;

import org.jooq.Record2;
import org.jooq.Select;

/**
 * Catalog entries a read might show, as an unexecuted query of {@code (id, closeness)} rows ({@link #ID},
 * {@link #CLOSENESS}; smaller closeness = better match). It is a query rather than a list so that the module that
 * decides who may see what (listens, which owns the listens tables) filters and limits it in one statement, inside
 * the database — this module never reads the listens tables.
 */
public record CatalogCandidates(CatalogKind kind, Select<Record2<Long, Integer>> query) {

    public static final String ID = "id";
    public static final String CLOSENESS = "closeness";
}
