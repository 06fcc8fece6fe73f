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

    /**
     * A source's list of artist names (ListenBrainz {@code additional_info.artist_names}) as the structured list of a
     * credit whose artist text is {@code artist}: used only when its first name is that text (same identity key), so
     * that the list can add the other artists (docs/api.md#catalog "Credits that grow") but never move the listen to
     * another track. "Major Lazer & DJ Snake" with ["Major Lazer", "DJ Snake"] keeps its text: taking the list's first
     * name as the primary artist would split one recording into two tracks depending on the client.
     */
    public static List<String> artistList(String artist, List<String> names) {
        if (names == null || names.isEmpty() || names.get(0) == null) {
            return List.of();
        }
        String primary = NameKeys.normalize(artist);
        return !primary.isEmpty() && primary.equals(NameKeys.normalize(names.get(0))) ? names : List.of();
    }

    public static TrackCredit of(String artist, String title, String album) {
        return new TrackCredit(artist, List.of(), title, album, null, Identifiers.NONE);
    }
}
