package org.tonearm.catalog;

import java.util.List;

/** Catalog entries as the read API shows them, with their external identifiers. */
public final class CatalogEntry {

    private CatalogEntry() {}

    public record Artist(long id, String name, String mbid) {}

    /** {@code artistId}/{@code artistName} are null for an album without an album artist. */
    public record Album(long id, String title, Long artistId, String artistName, String mbid) {}

    /** {@code artists} are the credits ordered by position (primary first). */
    public record Track(long id, String title, List<ArtistRef> artists, Long lengthMs, String mbid, String isrc) {}
}
