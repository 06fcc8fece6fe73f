package org.tonearm.stats.internal;

import org.springframework.stereotype.Component;
import org.tonearm.stats.internal.query.ArtistMapQuery;
import org.tonearm.stats.internal.query.ErasQuery;
import org.tonearm.stats.internal.query.GenresQuery;

/** The views that MusicBrainz enrichment enables (issue #13 item 5), one query class each. */
@Component
record EnrichedViews(GenresQuery genres, ArtistMapQuery artistMap, ErasQuery eras) {}
