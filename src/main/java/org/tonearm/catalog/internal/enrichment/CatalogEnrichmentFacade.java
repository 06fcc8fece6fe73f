package org.tonearm.catalog.internal.enrichment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Record3;
import org.springframework.stereotype.Service;
import org.tonearm.catalog.CatalogEnrichment;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.shared.Database;

/**
 * The catalog's enrichment façade. Ingest never touches enrichment: new entries are noted here, by the worker's own
 * call, with one insert per kind over the ids above the highest noted one (the primary key's range), plus a full
 * anti-join sweep at start and every hour for ids a concurrent PostgreSQL transaction committed out of order.
 */
@Service
class CatalogEnrichmentFacade implements CatalogEnrichment {

    static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final Database database;
    private final JooqEnrichmentRepository repository;
    private volatile Instant lastSweep = Instant.EPOCH;

    CatalogEnrichmentFacade(Database database, JooqEnrichmentRepository repository) {
        this.database = database;
        this.repository = repository;
    }

    @Override
    public List<Task> due(Instant now, int limit) {
        boolean sweep = lastSweep.plus(SWEEP_EVERY).isBefore(now);
        database.writeVoid(() -> {
            for (CatalogKind kind : CatalogKind.values()) {
                repository.seed(kind, sweep, now.toEpochMilli());
            }
        });
        if (sweep) {
            lastSweep = now;
        }
        return database.read(() -> {
            List<Record3<String, Long, Integer>> due = repository.due(now.toEpochMilli(), limit);
            Map<CatalogKind, List<Long>> ids = new EnumMap<>(CatalogKind.class);
            due.forEach(r -> ids.computeIfAbsent(CatalogKind.valueOf(r.value1()), k -> new ArrayList<>()).add(r.value2()));
            Map<CatalogKind, Map<Long, String[]>> described = new EnumMap<>(CatalogKind.class);
            ids.forEach((kind, list) -> described.put(kind, repository.describe(kind, list)));
            List<Task> tasks = new ArrayList<>(due.size());
            for (Record3<String, Long, Integer> r : due) {
                String[] d = described.get(CatalogKind.valueOf(r.value1())).get(r.value2());
                if (d != null) {
                    tasks.add(JooqEnrichmentRepository.task(r, d));
                }
            }
            return tasks;
        });
    }

    @Override
    public void artistFound(long artistId, String mbid, String country, Map<String, Integer> genres, Instant now) {
        database.writeVoid(() -> {
            repository.done(CatalogKind.ARTIST, artistId, mbid, country, null, null, now.toEpochMilli());
            repository.genres(artistId, genres);
        });
    }

    @Override
    public void trackFound(long trackId, String mbid, Integer releaseYear, Instant now) {
        database.writeVoid(() -> repository.done(CatalogKind.TRACK, trackId, mbid, null, releaseYear, null,
                now.toEpochMilli()));
    }

    @Override
    public void albumFound(long albumId, String mbid, Integer releaseYear, String coverUrl, Instant now) {
        database.writeVoid(() -> repository.done(CatalogKind.ALBUM, albumId, mbid, null, releaseYear, coverUrl,
                now.toEpochMilli()));
    }

    @Override
    public void notFound(CatalogKind kind, long id, Instant now) {
        database.writeVoid(() -> repository.notFound(kind, id, now.toEpochMilli()));
    }

    @Override
    public void failed(CatalogKind kind, long id, String error, Instant nextAttempt, Instant now) {
        database.writeVoid(() -> repository.failed(kind, id, error,
                nextAttempt == null ? null : nextAttempt.toEpochMilli(), now.toEpochMilli()));
    }

    @Override
    public Optional<State> state(CatalogKind kind, long id) {
        return database.read(() -> repository.state(kind, id));
    }
}
