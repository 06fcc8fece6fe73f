package org.tonearm.catalog.internal.credit;

import java.util.List;

/**
 * A credit split into what identifies a track (docs/api.md#catalog): the primary artist and the title without its
 * featuring part, plus the featured artists (display names, deduplicated by key, in credit order).
 */
public record ParsedCredit(String primaryArtist, List<String> featuredArtists, String title) {

    public ParsedCredit {
        featuredArtists = List.copyOf(featuredArtists);
    }
}
