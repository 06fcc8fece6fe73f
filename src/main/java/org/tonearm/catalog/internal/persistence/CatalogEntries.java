package org.tonearm.catalog.internal.persistence;

/** Catalog entries as the read API shows them (with their external identifiers). */
public final class CatalogEntries {

    private CatalogEntries() {}

    public record ArtistEntry(long id, String name, String mbid) {}

    /** {@code artistId}/{@code artistName} are null for an album without an album artist. */
    public record AlbumEntry(long id, String title, Long artistId, String artistName, String mbid) {}

    public record TrackEntry(long id, String title, Long lengthMs, String mbid, String isrc) {}
}
