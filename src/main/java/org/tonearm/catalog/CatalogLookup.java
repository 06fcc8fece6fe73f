package org.tonearm.catalog;

import java.util.Collection;
import java.util.Map;

/**
 * Catalog reads for the read API: search candidates and entries by id. This module cannot tell who may see an
 * entry (that depends on listens, docs/api.md#accounts-and-authentication); callers filter the candidates first (listens' {@code CatalogVisibility})
 * and then read the entries they may show.
 */
public interface CatalogLookup {

    /**
     * Entries whose normalized key contains {@code key} (already {@link NameKeys#normalize normalized}, not empty):
     * an artist's name, an album's or track's title (not its artist). Closeness is the length of the matched text,
     * so the closest names come first.
     */
    CatalogCandidates matching(CatalogKind kind, String key);

    /** The entry with this id, if it exists (one row, closeness 0). */
    CatalogCandidates withId(CatalogKind kind, long id);

    Map<Long, CatalogEntry.Artist> artists(Collection<Long> ids);

    Map<Long, CatalogEntry.Album> albums(Collection<Long> ids);

    Map<Long, CatalogEntry.Track> tracks(Collection<Long> ids);
}
