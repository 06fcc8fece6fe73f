package org.tonearm.catalog.internal.resolve;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.ResolvedTrack;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.catalog.internal.persistence.CatalogRows.NewAlbum;
import org.tonearm.catalog.internal.persistence.CatalogRows.NewArtist;
import org.tonearm.catalog.internal.persistence.CatalogRows.NewTrack;
import org.tonearm.catalog.internal.persistence.CatalogRows.StoredTrack;
import org.tonearm.catalog.internal.persistence.CatalogRows.TrackArtist;
import org.tonearm.catalog.internal.persistence.JooqCatalogRepository;
import org.tonearm.catalog.internal.resolve.CreditPlan.Named;

/**
 * Resolves a batch of credits set-wise (docs/architecture.md: the ingest path's speed comes from here). Per
 * entity kind (artists, then albums and tracks, which need the artist ids):
 * <ol>
 *   <li>look every distinct key up in this transaction's pending writes, then in the caches;</li>
 *   <li>select the misses with one {@code key in (…)} query per chunk; cache what was found (committed);</li>
 *   <li>insert the still-missing rows with multi-row {@code insert … on conflict do nothing returning}, sorted
 *       by key so concurrent PostgreSQL writers lock in the same order; select only the keys a concurrent
 *       writer inserted first;</li>
 *   <li>keep the new ids as pending writes, published to the caches after commit.</li>
 * </ol>
 * New tracks get their credited artists (position 0 primary, then featured); existing tracks gain the artists a
 * credit names and they lack ({@link CreditGrowth}); existing tracks whose length is unknown take the length a credit
 * brings.
 */
@Component
class CatalogResolver {

    static final String PRIMARY = "primary";
    static final String FEATURED = "featured";

    private final JooqCatalogRepository repository;
    private final CatalogCaches caches;
    private final CreditPlanner planner;
    private final CreditGrowth growth;

    CatalogResolver(JooqCatalogRepository repository, CatalogCaches caches, CreditPlanner planner,
            CreditGrowth growth) {
        this.repository = repository;
        this.caches = caches;
        this.planner = planner;
        this.growth = growth;
    }

    List<ResolvedTrack> resolveAll(List<TrackCredit> credits) {
        if (credits.isEmpty()) {
            return List.of();
        }
        List<CreditPlan> plans = credits.stream().map(planner::plan).toList();
        PendingCatalogWrites pending = PendingCatalogWrites.current(caches);
        PendingCatalogWrites writes = pending != null ? pending : new PendingCatalogWrites();
        long now = System.currentTimeMillis();

        Map<String, Long> artistIds = resolveArtists(plans, writes, now);
        Map<String, Long> albumIds = resolveAlbums(plans, artistIds, writes, now);
        Map<String, StoredTrack> tracks = resolveTracks(plans, artistIds, writes, now);
        if (pending == null) {
            caches.publish(writes); // no transaction: every statement has committed already
        }

        List<ResolvedTrack> resolved = new ArrayList<>(plans.size());
        for (CreditPlan plan : plans) {
            StoredTrack track = tracks.get(plan.trackKey());
            Long albumId = plan.albumKey() == null ? null : albumIds.get(plan.albumKey());
            Long length = plan.lengthMs() != null ? plan.lengthMs() : track.lengthMs();
            resolved.add(new ResolvedTrack(track.id(), albumId, length));
        }
        return resolved;
    }

    private Map<String, Long> resolveArtists(List<CreditPlan> plans, PendingCatalogWrites writes, long now) {
        Map<String, NewArtist> wanted = new LinkedHashMap<>();
        for (CreditPlan plan : plans) {
            Named p = plan.primary();
            NewArtist known = wanted.get(p.key());
            if (known == null || (known.mbid() == null && plan.ids().artistMbid() != null)) {
                String name = known == null ? p.name() : known.name();
                wanted.put(p.key(), new NewArtist(p.key(), name, plan.ids().artistMbid()));
            }
            for (Named f : plan.featured()) {
                wanted.putIfAbsent(f.key(), new NewArtist(f.key(), f.name(), null));
            }
        }
        return resolve(wanted, caches.artists, writes.artists, repository::artistIds,
                rows -> repository.insertArtists(rows, now));
    }

    private Map<String, Long> resolveAlbums(List<CreditPlan> plans, Map<String, Long> artistIds,
            PendingCatalogWrites writes, long now) {
        Map<String, NewAlbum> wanted = new LinkedHashMap<>();
        for (CreditPlan plan : plans) {
            if (plan.albumKey() != null) {
                NewAlbum known = wanted.get(plan.albumKey());
                if (known == null || (known.mbid() == null && plan.ids().releaseMbid() != null)) {
                    String title = known == null ? plan.albumTitle() : known.title();
                    wanted.put(plan.albumKey(), new NewAlbum(plan.albumKey(), title,
                            artistIds.get(plan.primary().key()), plan.ids().releaseMbid()));
                }
            }
        }
        return resolve(wanted, caches.albums, writes.albums, repository::albumIds,
                rows -> repository.insertAlbums(rows, now));
    }

    private Map<String, StoredTrack> resolveTracks(List<CreditPlan> plans, Map<String, Long> artistIds,
            PendingCatalogWrites writes, long now) {
        Map<String, NewTrack> wanted = new LinkedHashMap<>();
        Map<String, List<Named>> credited = new HashMap<>();
        for (CreditPlan plan : plans) {
            NewTrack known = wanted.get(plan.trackKey());
            wanted.put(plan.trackKey(), known == null ? newTrack(plan, artistIds) : enrich(known, plan));
            List<Named> artists = credited.computeIfAbsent(plan.trackKey(), k -> new ArrayList<>(List.of(plan.primary())));
            for (Named f : plan.featured()) {
                if (artists.stream().noneMatch(a -> a.key().equals(f.key()))) {
                    artists.add(f);
                }
            }
        }
        List<String> created = new ArrayList<>();
        Map<String, StoredTrack> tracks = resolve(wanted, caches.tracks, writes.tracks, repository::tracks, rows -> {
            Map<String, StoredTrack> inserted = repository.insertTracks(rows, now);
            created.addAll(inserted.keySet()); // credits only for tracks this transaction created
            return inserted;
        });
        insertCredits(created, tracks, credited, artistIds, writes);
        growth.grow(credited, tracks, new java.util.HashSet<>(created), artistIds, writes);
        fillUnknownLengths(wanted, tracks, created, writes);
        return tracks;
    }

    private static NewTrack newTrack(CreditPlan plan, Map<String, Long> artistIds) {
        CleanIdentifiers ids = plan.ids();
        return new NewTrack(plan.trackKey(), plan.title(), artistIds.get(plan.primary().key()), plan.lengthMs(),
                ids.recordingMbid(), ids.isrc(), ids.spotifyId());
    }

    /** Several credits of one new track: the first known value of each property wins. */
    private static NewTrack enrich(NewTrack t, CreditPlan plan) {
        CleanIdentifiers ids = plan.ids();
        return new NewTrack(t.key(), t.title(), t.artistId(), first(t.lengthMs(), plan.lengthMs()),
                first(t.mbid(), ids.recordingMbid()), first(t.isrc(), ids.isrc()), first(t.spotifyId(), ids.spotifyId()));
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private void insertCredits(List<String> createdKeys, Map<String, StoredTrack> tracks,
            Map<String, List<Named>> credited, Map<String, Long> artistIds, PendingCatalogWrites writes) {
        List<TrackArtist> rows = new ArrayList<>();
        for (String key : createdKeys) {
            rows.addAll(growth.newCredits(tracks.get(key).id(), credited.get(key), artistIds, writes));
        }
        repository.insertTrackArtists(rows);
    }

    /** An existing track whose length is unknown takes the length a credit brings (stored set-wise). */
    private void fillUnknownLengths(Map<String, NewTrack> wanted, Map<String, StoredTrack> tracks,
            List<String> created, PendingCatalogWrites writes) {
        Map<Long, Long> fills = new TreeMap<>();
        java.util.Set<String> createdKeys = new java.util.HashSet<>(created);
        for (NewTrack t : wanted.values()) {
            StoredTrack stored = tracks.get(t.key());
            if (stored.lengthMs() == null && t.lengthMs() != null && !createdKeys.contains(t.key())) {
                fills.put(stored.id(), t.lengthMs());
                StoredTrack filled = new StoredTrack(stored.id(), t.lengthMs());
                tracks.put(t.key(), filled);
                writes.tracks.put(t.key(), filled);
            }
        }
        repository.fillLengths(fills);
    }

    /**
     * Steps 1–4 of the class comment for one entity kind; {@code wanted} maps each distinct key to the row
     * to create when it is missing. Returns an id (or stored row) for every wanted key.
     */
    private static <R, V> Map<String, V> resolve(Map<String, R> wanted, Cache<String, V> cache,
            Map<String, V> pending, Function<Collection<String>, Map<String, V>> select,
            Function<List<R>, Map<String, V>> insert) {
        Map<String, V> found = new HashMap<>(wanted.size() * 2);
        List<String> misses = new ArrayList<>();
        for (String key : wanted.keySet()) {
            V v = pending.get(key);
            if (v == null) {
                v = cache.getIfPresent(key);
            }
            if (v != null) {
                found.put(key, v);
            } else {
                misses.add(key);
            }
        }
        if (misses.isEmpty()) {
            return found;
        }
        Map<String, V> existing = select.apply(misses);
        cache.putAll(existing); // committed rows: ours would be in pending
        found.putAll(existing);
        List<String> missing = misses.stream().filter(k -> !existing.containsKey(k)).sorted().toList();
        if (missing.isEmpty()) {
            return found;
        }
        // insert … returning: one round trip; keys a concurrent writer created first are selected after
        Map<String, V> created = new HashMap<>(insert.apply(missing.stream().map(wanted::get).toList()));
        if (created.size() < missing.size()) {
            created.putAll(select.apply(missing.stream().filter(k -> !created.containsKey(k)).toList()));
        }
        if (created.size() != missing.size()) {
            throw new IllegalStateException("catalog rows vanished after insert: " + missing.size() + " inserted, "
                    + created.size() + " found");
        }
        pending.putAll(created);
        found.putAll(created);
        return found;
    }
}
