package org.tonearm.listens;

import java.util.List;
import org.tonearm.catalog.CatalogCandidates;

/**
 * Which catalog entries a user may see (docs/api.md#accounts-and-authentication: each user sees only their own data; a PUBLIC profile shows its
 * listens to everyone): an artist, album or track is visible to a viewer when the viewer or any user with a PUBLIC
 * profile has a listen of it — of any classification, SKIP included (a skipped track is still in that history).
 * For an artist, a listen of any track that credits it (primary or featured) counts.
 */
public interface CatalogVisibility {

    /**
     * The ids among {@code candidates} that {@code viewerId} may see, closest first (closeness, then id), at most
     * {@code limit}: filtered in the database in one statement, not one query per candidate.
     */
    List<Long> visible(long viewerId, CatalogCandidates candidates, int limit);
}
