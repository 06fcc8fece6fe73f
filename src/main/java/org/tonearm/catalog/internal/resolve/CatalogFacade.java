package org.tonearm.catalog.internal.resolve;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tonearm.catalog.AlbumView;
import org.tonearm.catalog.CatalogService;
import org.tonearm.catalog.ResolvedTrack;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.catalog.TrackView;
import org.tonearm.catalog.internal.persistence.JooqCatalogViewRepository;

/** The catalog module's façade: resolution on the ingest path, set-wise reads for rendering listens. */
@Service
class CatalogFacade implements CatalogService {

    private final CatalogResolver resolver;
    private final JooqCatalogViewRepository views;

    CatalogFacade(CatalogResolver resolver, JooqCatalogViewRepository views) {
        this.resolver = resolver;
        this.views = views;
    }

    @Override
    public List<ResolvedTrack> resolveAll(List<TrackCredit> credits) {
        return resolver.resolveAll(credits);
    }

    @Override
    public Map<Long, TrackView> tracks(Collection<Long> trackIds) {
        return trackIds.isEmpty() ? Map.of() : views.tracks(trackIds);
    }

    @Override
    public Map<Long, AlbumView> albums(Collection<Long> albumIds) {
        return albumIds.isEmpty() ? Map.of() : views.albums(albumIds);
    }
}
