package org.tonearm.catalog;

/** The three kinds of catalog entries (docs/api.md#catalog): artists, albums (releases) and tracks (recordings). */
public enum CatalogKind {
    ARTIST,
    ALBUM,
    TRACK
}
