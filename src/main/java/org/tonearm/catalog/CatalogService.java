package org.tonearm.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Resolves catalog text to artists, albums and tracks, and reads them back. */
public interface CatalogService {

    /**
     * Resolves every credit, creating missing artists/albums/tracks, with a few set-wise queries and an
     * in-memory cache of normalized keys. The result is index-aligned with {@code credits}.
     * Must be called inside {@code Database.write}.
     */
    List<ResolvedTrack> resolveAll(List<TrackCredit> credits);

    Map<Long, TrackView> tracks(Collection<Long> trackIds);

    Map<Long, AlbumView> albums(Collection<Long> albumIds);
}
