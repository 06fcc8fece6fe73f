package org.tonearm.catalog;

import java.util.List;

/**
 * The catalog text of one play as a source gave it, before resolution.
 *
 * @param artist   the artist credit text, e.g. "A feat. B" (required)
 * @param artists  a structured artist list when the source gives one (first is primary), else empty
 * @param title    the track title, e.g. "Song (ft. B)" (required)
 * @param album    the album title or null
 * @param lengthMs the track length when known
 */
public record TrackCredit(String artist, List<String> artists, String title, String album, Long lengthMs,
        Identifiers ids) {

    public TrackCredit {
        artists = artists == null ? List.of() : List.copyOf(artists);
        ids = ids == null ? Identifiers.NONE : ids;
    }

    public static TrackCredit of(String artist, String title, String album) {
        return new TrackCredit(artist, List.of(), title, album, null, Identifiers.NONE);
    }
}
