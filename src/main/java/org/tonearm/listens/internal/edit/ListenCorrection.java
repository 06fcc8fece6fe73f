package org.tonearm.listens.internal.edit;

import java.util.List;

/**
 * A user's correction of one listen's metadata (docs/api.md#listens). Null means "unchanged", except for the two
 * fields that may be cleared, whose {@code …Given} flag says whether the request named them.
 *
 * @param artists a new structured artist list (first is primary), or null
 */
public record ListenCorrection(String artist, List<String> artists, String track, boolean albumGiven, String album,
        boolean trackLengthGiven, Long trackLengthMs) {

    public boolean changesCatalog() {
        return artist != null || artists != null || track != null || albumGiven;
    }
}
