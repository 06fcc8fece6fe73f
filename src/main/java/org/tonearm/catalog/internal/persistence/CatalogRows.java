package org.tonearm.catalog.internal.persistence;

/** The rows the resolver creates and reads, as plain values (no jOOQ types outside this package). */
public final class CatalogRows {

    private CatalogRows() {}

    public record NewArtist(String key, String name, String mbid) {}

    public record NewAlbum(String key, String title, long artistId, String mbid) {}

    public record NewTrack(String key, String title, long artistId, Long lengthMs, String mbid, String isrc,
            String spotifyId) {}

    /** One credited artist of a track; position 0 is the primary artist (role "primary"). */
    public record TrackArtist(long trackId, int position, long artistId, String role) {}

    /** A credited artist of a stored track: its id and identity key (the order of featured credits). */
    public record Credited(long artistId, String key) {}

    /** A track as the resolver needs it: its id and stored length (null when unknown). */
    public record StoredTrack(long id, Long lengthMs) {}
}
