package org.tonearm.catalog;

/** The three kinds of catalog entries (SPEC §3): artists, albums (releases) and tracks (recordings). */
public enum CatalogKind {
    ARTIST,
    ALBUM,
    TRACK
}
