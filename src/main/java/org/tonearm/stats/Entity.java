package org.tonearm.stats;

/** What a top list ranks. */
public enum Entity {
    ARTISTS,
    ALBUMS,
    TRACKS
}
