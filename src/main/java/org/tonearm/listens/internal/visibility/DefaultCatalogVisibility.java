package org.tonearm.listens.internal.visibility;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tonearm.catalog.CatalogCandidates;
import org.tonearm.identity.UserDirectory;
import org.tonearm.listens.CatalogVisibility;
import org.tonearm.listens.internal.persistence.ListenQueryRepository;

/**
 * {@link CatalogVisibility}: the viewer plus every PUBLIC profile (read afresh each time, so a profile turned
 * PRIVATE stops showing at once), then one semi-join of the candidates on those users' listens.
 */
@Service
class DefaultCatalogVisibility implements CatalogVisibility {

    private final UserDirectory users;
    private final ListenQueryRepository listens;

    DefaultCatalogVisibility(UserDirectory users, ListenQueryRepository listens) {
        this.users = users;
        this.listens = listens;
    }

    @Override
    public List<Long> visible(long viewerId, CatalogCandidates candidates, int limit) {
        Set<Long> whose = new LinkedHashSet<>();
        whose.add(viewerId);
        whose.addAll(users.publicProfileIds());
        return listens.listenedAmong(whose, candidates, limit);
    }
}
