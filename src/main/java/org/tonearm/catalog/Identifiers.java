package org.tonearm.catalog;

import java.util.List;

/** External identifiers a source may give for a play; all optional, kept when known (docs/api.md#catalog). */
public record Identifiers(String recordingMbid, List<String> artistMbids, String releaseMbid, String isrc,
        String spotifyId) {

    public static final Identifiers NONE = new Identifiers(null, List.of(), null, null, null);

    public Identifiers {
        artistMbids = artistMbids == null ? List.of() : List.copyOf(artistMbids);
    }
}
