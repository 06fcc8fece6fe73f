package org.tonearm.catalog.internal.query;

import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tonearm.catalog.CatalogCandidates;
import org.tonearm.catalog.CatalogEntry;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.catalog.CatalogLookup;
import org.tonearm.catalog.internal.persistence.JooqCatalogQueryRepository;

/** The catalog module's read façade for the catalog API (search candidates, entries by id). */
@Service
class CatalogLookupFacade implements CatalogLookup {

    private final JooqCatalogQueryRepository queries;

    CatalogLookupFacade(JooqCatalogQueryRepository queries) {
        this.queries = queries;
    }

    @Override
    public CatalogCandidates matching(CatalogKind kind, String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a search key must not be empty");
        }
        return queries.matching(kind, key);
    }

    @Override
    public CatalogCandidates withId(CatalogKind kind, long id) {
        return queries.withId(kind, id);
    }

    @Override
    public Map<Long, CatalogEntry.Artist> artists(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : queries.artists(ids);
    }

    @Override
    public Map<Long, CatalogEntry.Album> albums(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : queries.albums(ids);
    }

    @Override
    public Map<Long, CatalogEntry.Track> tracks(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : queries.tracks(ids);
    }
}
