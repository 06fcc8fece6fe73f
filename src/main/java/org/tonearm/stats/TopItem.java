package org.tonearm.stats;

import java.util.List;

/**
 * One ranked artist, album or track.
 *
 * @param name         artist name, album title or track title
 * @param mbid         the MusicBrainz id when the catalog knows it
 * @param artists      the credited artists (tracks: every credit in order; albums: the album artist; artists: empty)
 * @param previousRank the rank in the previous period, null when it had no play there (or for all_time)
 */
public record TopItem(int rank, Entity kind, long id, String name, String mbid, List<Credit> artists,
        Figures figures, Integer previousRank, Movement movement) {

    /** A credited artist: {@code role} is "primary" or "featured". */
    public record Credit(long id, String name, String mbid, String role) {}
}
