package org.tonearm.listens;

import java.util.List;

/**
 * One stored listen with everything another instance needs to recreate it through the funnel (docs/api.md#imports-and-exports exports):
 * the kept report's own fields, its catalog entries as text with their identifiers, and the reports of the other
 * sources it absorbed (deduplication keeps them in {@code listen_sources}).
 *
 * @param classification as stored; the funnel recomputes it from {@code durationPlayedMs} and {@code trackLengthMs}
 * @param origin         what refines the channel for deduplication (an import's format id), null when it is the
 *                       channel itself (see package-info)
 * @param extra          the open metadata as JSON text, or null
 * @param raw            the kept report's raw submission, or null
 * @param sources        the other sources' reports of the same play, in the order they were absorbed
 */
public record ArchivedListen(long id, long listenedAt, Track track, Album album, Long durationPlayedMs,
        Long trackLengthMs, Classification classification, double weight, Service service, Channel channel,
        String origin, String client, String externalId, String extra, String raw, int mergeCount,
        List<Source> sources) {

    public ArchivedListen {
        sources = List.copyOf(sources);
    }

    /**
     * @param artists the credit in order: the primary artist first, then the featured ones
     */
    public record Track(String title, List<Artist> artists, String mbid, String isrc, String spotifyId) {

        public Track {
            artists = List.copyOf(artists);
        }

        public Artist primary() {
            return artists.isEmpty() ? null : artists.get(0);
        }
    }

    /** @param role "primary" or "featured" */
    public record Artist(String name, String role, String mbid) {}

    public record Album(String title, String mbid) {}

    /** Another source's report that deduplication folded into this listen. */
    public record Source(long listenedAt, Long durationPlayedMs, Service service, Channel channel, String origin,
            String client, String externalId, String raw) {}
}
