package org.tonearm.catalog.internal.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.TrackCreditsGrown;
import org.tonearm.catalog.internal.persistence.CatalogRows.Credited;
import org.tonearm.catalog.internal.persistence.CatalogRows.StoredTrack;
import org.tonearm.catalog.internal.persistence.CatalogRows.TrackArtist;
import org.tonearm.catalog.internal.persistence.JooqTrackCreditRepository;
import org.tonearm.catalog.internal.resolve.CreditPlan.Named;

/**
 * Credits that grow (docs/api.md#catalog): a credit of an existing track that names an artist the track does not
 * credit yet adds that artist, as featured, to the track — so to every user's listens of it, since listens point at
 * the track. The primary artist is part of the track's identity and never changes; nothing is ever removed.
 *
 * <p>The final credits are the union of every source's artists, whatever order they arrived in: featured artists are
 * kept in the order of their identity keys ({@link #FEATURED_ORDER}), not in the order of the first source, because
 * "A feat. C & B" followed by "A feat. B" and the reverse must end in the same credits.
 *
 * <p>Cost on the ingest path: a credit without featured artists (most) costs nothing; one whose artists the
 * {@link CatalogCaches#credits credits cache} already knows costs a set lookup; the rest cost one select for the whole
 * batch; only tracks that really grow are locked (PostgreSQL), read again and rewritten (a delete + an insert).
 */
@Component
class CreditGrowth {

    static final Comparator<Credited> FEATURED_ORDER = Comparator.comparing(Credited::key)
            .thenComparingLong(Credited::artistId);

    private final JooqTrackCreditRepository repository;
    private final CatalogCaches caches;
    private final ApplicationEventPublisher events;

    CreditGrowth(JooqTrackCreditRepository repository, CatalogCaches caches, ApplicationEventPublisher events) {
        this.repository = repository;
        this.caches = caches;
        this.events = events;
    }

    /** The credits of a track this transaction creates: primary first, then the featured in canonical order. */
    List<TrackArtist> newCredits(long trackId, List<Named> artists, Map<String, Long> artistIds,
            PendingCatalogWrites writes) {
        List<Credited> featured = new ArrayList<>();
        for (Named f : artists.subList(1, artists.size())) {
            featured.add(new Credited(artistIds.get(f.key()), f.key()));
        }
        long primary = artistIds.get(artists.get(0).key());
        writes.credits.put(trackId, ids(primary, featured));
        return rows(trackId, primary, featured);
    }

    /**
     * Adds to existing tracks the artists their credits in this batch name and they lack ({@code credited}: track
     * key → primary then featured of all the batch's credits of it). Publishes {@link TrackCreditsGrown} when any
     * track grew.
     */
    void grow(Map<String, List<Named>> credited, Map<String, StoredTrack> tracks, Set<String> created,
            Map<String, Long> artistIds, PendingCatalogWrites writes) {
        Map<Long, Map<Long, String>> candidates = new TreeMap<>();
        credited.forEach((key, artists) -> {
            if (artists.size() < 2 || created.contains(key)) {
                return;
            }
            long trackId = tracks.get(key).id();
            Set<Long> known = writes.credits.get(trackId);
            if (known == null) {
                known = caches.credits.getIfPresent(trackId);
            }
            for (Named f : artists.subList(1, artists.size())) {
                long artistId = artistIds.get(f.key());
                if (known == null || !known.contains(artistId)) {
                    candidates.computeIfAbsent(trackId, t -> new LinkedHashMap<>()).put(artistId, f.key());
                }
            }
        });
        if (candidates.isEmpty()) {
            return;
        }
        // read without a lock first: on a cold cache most candidates credit their artists already, and a row lock held
        // to the end of the transaction would make other users' imports of the same tracks wait for nothing
        Map<Long, Growth> growing = plan(candidates, repository.credits(candidates.keySet()), writes);
        if (growing.isEmpty()) {
            return;
        }
        repository.lock(growing.keySet());
        candidates.keySet().retainAll(growing.keySet());
        growing = plan(candidates, repository.credits(growing.keySet()), writes); // again, under the lock
        if (growing.isEmpty()) {
            return; // a concurrent writer added them first
        }
        List<TrackArtist> rows = new ArrayList<>();
        Set<Long> added = new HashSet<>();
        growing.forEach((trackId, g) -> {
            rows.addAll(rows(trackId, g.primary(), g.featured()).subList(1, g.featured().size() + 1));
            added.addAll(g.newcomers());
            writes.credits.put(trackId, ids(g.primary(), g.featured()));
        });
        repository.replaceFeatured(growing.keySet(), rows);
        events.publishEvent(new TrackCreditsGrown(growing.keySet(), added));
    }

    /** What a track's credits become: its primary, the union of featured artists, and which of them are new. */
    private record Growth(long primary, List<Credited> featured, List<Long> newcomers) {}

    /**
     * The tracks among {@code candidates} (track → wanted featured artist → key) that lack a wanted artist in
     * {@code current}, with their grown credits. The others' credits are remembered as known.
     */
    private static Map<Long, Growth> plan(Map<Long, Map<Long, String>> candidates, Map<Long, List<Credited>> current,
            PendingCatalogWrites writes) {
        Map<Long, Growth> growing = new TreeMap<>();
        candidates.forEach((trackId, wanted) -> {
            List<Credited> now = current.get(trackId);
            if (now == null || now.isEmpty()) {
                return; // a track always has its primary credit; without it there is nothing to grow from
            }
            long primary = now.get(0).artistId();
            Map<Long, Credited> featured = new LinkedHashMap<>();
            now.subList(1, now.size()).forEach(c -> featured.put(c.artistId(), c));
            List<Long> newcomers = new ArrayList<>();
            wanted.forEach((artistId, key) -> {
                if (artistId != primary && !featured.containsKey(artistId)) {
                    featured.put(artistId, new Credited(artistId, key));
                    newcomers.add(artistId);
                }
            });
            if (newcomers.isEmpty()) {
                writes.credits.put(trackId, ids(primary, featured.values()));
            } else {
                growing.put(trackId, new Growth(primary, new ArrayList<>(featured.values()), newcomers));
            }
        });
        return growing;
    }

    private static List<TrackArtist> rows(long trackId, long primary, List<Credited> featured) {
        List<Credited> ordered = new ArrayList<>(featured);
        ordered.sort(FEATURED_ORDER);
        List<TrackArtist> rows = new ArrayList<>(ordered.size() + 1);
        rows.add(new TrackArtist(trackId, 0, primary, CatalogResolver.PRIMARY));
        for (int i = 0; i < ordered.size(); i++) {
            rows.add(new TrackArtist(trackId, i + 1, ordered.get(i).artistId(), CatalogResolver.FEATURED));
        }
        return rows;
    }

    private static Set<Long> ids(long primary, Iterable<Credited> featured) {
        Set<Long> ids = new HashSet<>();
        ids.add(primary);
        featured.forEach(c -> ids.add(c.artistId()));
        return Set.copyOf(ids);
    }
}
