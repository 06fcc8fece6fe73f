package org.tonearm.catalog;

import java.util.Set;

/**
 * Tracks gained credited artists (docs/api.md#catalog "Credits that grow"), published inside the write transaction
 * that added them. Every reader that joins {@code track_artists} sees the new credits as soon as that transaction
 * commits; a listener that keeps something derived from credits (the stats answer cache) follows this event.
 *
 * @param trackIds  the tracks whose credits grew
 * @param artistIds the artists newly credited on them
 */
public record TrackCreditsGrown(Set<Long> trackIds, Set<Long> artistIds) {

    public TrackCreditsGrown {
        trackIds = Set.copyOf(trackIds);
        artistIds = Set.copyOf(artistIds);
    }
}
