package org.tonearm.listens.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tonearm.catalog.CatalogService;
import org.tonearm.catalog.ResolvedTrack;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.IngestStatus;
import org.tonearm.listens.ListenSanity;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.ListensProperties;
import org.tonearm.listens.ListensChanged;
import org.tonearm.listens.LocalTimes;
import org.tonearm.listens.ListensChanged.Fact;
import org.tonearm.listens.ListensRecorded;
import org.tonearm.listens.TimeStamp;
import org.tonearm.listens.internal.dedup.Decision;
import org.tonearm.listens.internal.dedup.Deduplicator;
import org.tonearm.listens.internal.dedup.PreparedListen;
import org.tonearm.listens.internal.dedup.SourceStamp;
import org.tonearm.listens.internal.dedup.WorkingListen;
import org.tonearm.listens.internal.persistence.JooqListenRepository;
import org.tonearm.listens.internal.persistence.ListenFactsRepository;
import org.tonearm.shared.Database;
import org.tonearm.shared.DatabaseKind;
import org.tonearm.shared.DatabaseProperties;
import org.tonearm.shared.TonearmException;
import tools.jackson.databind.json.JsonMapper;

/** The ingestion funnel; the numbered flow is in this module's package-info. */
@Service
class DefaultListenService implements ListenService {

    private final Database database;
    private final CatalogService catalog;
    private final LocalTimes localTimes;
    private final JooqListenRepository listens;
    private final ListensProperties rules;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final GroupCommitLanes committer;
    private final ListenFactsRepository facts;

    /** A combined transaction stops growing here: about 100 ms of work on SQLite (docs/performance.md). */
    static final int GROUP_COMMIT_MAX_LISTENS = 5_000;

    private static final long WINDOW_CUSHION_MS = 3_600_000;

    DefaultListenService(Database database, CatalogService catalog, LocalTimes localTimes, JooqListenRepository listens,
            ListensProperties rules, ApplicationEventPublisher events, JsonMapper json, ListenFactsRepository facts,
            DatabaseProperties databaseProperties, @Value("${tonearm.listens.write-lanes:0}") int writeLanes) {
        this.facts = facts;
        this.database = database;
        this.catalog = catalog;
        this.localTimes = localTimes;
        this.listens = listens;
        this.rules = rules;
        this.events = events;
        this.json = json;
        this.clock = Clock.systemUTC();
        this.committer = new GroupCommitLanes(writeLanes(database.kind(), databaseProperties, writeLanes),
                b -> database.write(() -> ingestInTransaction(b)), GROUP_COMMIT_MAX_LISTENS);
    }

    /**
     * Concurrent write transactions of the funnel (issue #19 item 4): SQLite has one writer, so one lane; PostgreSQL
     * half the connection pool (5 of the default 10), the rest left to readers and the other writers, unless
     * {@code tonearm.listens.write-lanes} says otherwise (1 = the single group commit of before; never more than the
     * pool minus one, so that a reader always finds a connection).
     */
    static int writeLanes(DatabaseKind kind, DatabaseProperties properties, int configured) {
        if (kind == DatabaseKind.SQLITE) {
            return 1;
        }
        int pool = properties.db().poolSize(kind);
        return configured > 0 ? Math.max(1, Math.min(configured, pool - 1)) : Math.max(1, pool / 2);
    }

    @Override
    public IngestResult ingest(IncomingListen listen) {
        return ingestBatch(List.of(listen)).get(0);
    }

    @Override
    public List<IngestResult> ingestBatch(List<IncomingListen> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        batch.forEach(DefaultListenService::requireCatalogText);
        // 0. the sanity gate (ListenSanity): a listen that cannot be a real play is refused alone, never stored
        IngestResult[] refused = new IngestResult[batch.size()];
        List<IncomingListen> sane = new ArrayList<>(batch.size());
        long now = clock.millis();
        for (int i = 0; i < batch.size(); i++) {
            int index = i;
            ListenSanity.check(batch.get(i), now).ifPresentOrElse(r -> refused[index] = IngestResult.refused(r),
                    () -> sane.add(batch.get(index)));
        }
        List<IngestResult> stored = sane.isEmpty() ? List.of() : ingestSane(sane);
        if (sane.size() == batch.size()) {
            return stored;
        }
        List<IngestResult> results = new ArrayList<>(batch.size());
        int next = 0;
        for (IngestResult r : refused) {
            results.add(r != null ? r : stored.get(next++));
        }
        return results;
    }

    private List<IngestResult> ingestSane(List<IncomingListen> batch) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return database.write(() -> ingestInTransaction(batch)); // the caller's transaction decides the commit
        }
        return committer.submit(batch);
    }

    private List<IngestResult> ingestInTransaction(List<IncomingListen> batch) {
        // 1. serialize writers of the same users across nodes (ordered: no deadlocks)
        batch.stream().mapToLong(IncomingListen::userId).distinct().sorted().forEach(database::lockUser);
        // 2. resolve the whole batch's catalog entries set-wise
        List<ResolvedTrack> resolved = catalog.resolveAll(batch.stream().map(IncomingListen::credit).toList());
        // 3. normalize: start times, sources, extras
        List<PreparedListen> prepared = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            prepared.add(prepare(i, batch.get(i), resolved.get(i)));
        }
        // 4. fetch the deduplication candidates: one range query per user
        Deduplicator deduplicator = new Deduplicator(rules, candidates(prepared));
        // 5. decide in memory, in canonical order
        List<Decision> decisions = deduplicator.decideAll(prepared);
        // 6. write with batched statements
        long now = clock.millis();
        Map<Long, ZoneId> zones = new HashMap<>();
        // the zone the user's stored local days are in (the previous one while a timezone relocation is pending): the
        // relocation job waits for this transaction (lockUser) and then moves these listens too
        LongFunction<ZoneId> zoneOf = id -> zones.computeIfAbsent(id, localTimes::storedZone);
        listens.insertCreated(deduplicator.created(), zoneOf, now);
        Map<WorkingListen, Boolean> merged = new IdentityHashMap<>();
        decisions.stream().filter(d -> d.status() == IngestStatus.MERGED).forEach(d -> merged.put(d.target(), true));
        List<WorkingListen> storedMerged = merged.keySet().stream().filter(WorkingListen::stored).toList();
        // the rollups need the stored listens' values before the merge rewrites them
        Map<Long, List<Fact>> before = new HashMap<>();
        storedMerged.stream().collect(java.util.stream.Collectors.groupingBy(WorkingListen::userId,
                java.util.stream.Collectors.mapping(WorkingListen::id, java.util.stream.Collectors.toList())))
                .forEach((user, ids) -> before.put(user, facts.byIds(user, ids)));
        listens.updateMerged(storedMerged, zoneOf, now);
        listens.insertAbsorbed(new ArrayList<>(merged.keySet()), now);
        publishChanges(before, listens.facts(deduplicator.created(), zoneOf), listens.facts(storedMerged, zoneOf),
                deduplicator.created(), storedMerged);
        // 7. results index-aligned with the input; one event per user for live statistics
        IngestResult[] results = new IngestResult[batch.size()];
        Map<Long, Set<Long>> touched = new HashMap<>();
        for (Decision d : decisions) {
            results[d.listen().index()] = new IngestResult(d.status(), d.target().id());
            if (d.status() != IngestStatus.DUPLICATE) {
                touched.computeIfAbsent(d.target().userId(), k -> new LinkedHashSet<>()).add(d.target().id());
            }
        }
        touched.forEach((user, ids) -> events.publishEvent(new ListensRecorded(user, List.copyOf(ids))));
        return List.of(results);
    }

    /** One {@link ListensChanged} per user of the batch, inside the write transaction (the rollups join it). */
    private void publishChanges(Map<Long, List<Fact>> before, List<Fact> created, List<Fact> mergedAfter,
            List<WorkingListen> createdListens, List<WorkingListen> storedMerged) {
        Map<Long, List<Fact>> added = new HashMap<>();
        for (int i = 0; i < created.size(); i++) {
            added.computeIfAbsent(createdListens.get(i).userId(), k -> new ArrayList<>()).add(created.get(i));
        }
        for (int i = 0; i < mergedAfter.size(); i++) {
            added.computeIfAbsent(storedMerged.get(i).userId(), k -> new ArrayList<>()).add(mergedAfter.get(i));
        }
        Set<Long> usersChanged = new java.util.TreeSet<>(added.keySet());
        usersChanged.addAll(before.keySet());
        for (long user : usersChanged) {
            events.publishEvent(new ListensChanged(user, before.getOrDefault(user, List.of()),
                    added.getOrDefault(user, List.of())));
        }
    }

    private PreparedListen prepare(int index, IncomingListen in, ResolvedTrack track) {
        Long length = in.credit().lengthMs() != null ? in.credit().lengthMs() : track.trackLengthMs();
        long start = in.listenedAtMs();
        if (in.stamp() == TimeStamp.END) {
            // docs/api.md#time-stamps: sources that stamp the end (Spotify ts/played_at, Apple end times): start = end − played
            Long played = in.durationPlayedMs() != null ? in.durationPlayedMs() : length;
            start -= played == null ? 0 : played;
        }
        SourceStamp stamp = new SourceStamp(start, in.durationPlayedMs(), in.service(), in.channel(), in.origin(),
                in.client(), in.externalId(), in.raw());
        String extra = in.extra() == null || in.extra().isEmpty() ? null : json.writeValueAsString(in.extra());
        return new PreparedListen(index, in.userId(), track.trackId(), track.albumId(), length, stamp, extra);
    }

    private List<WorkingListen> candidates(List<PreparedListen> prepared) {
        Map<Long, List<PreparedListen>> byUser = new HashMap<>();
        prepared.forEach(p -> byUser.computeIfAbsent(p.userId(), k -> new ArrayList<>()).add(p));
        List<WorkingListen> candidates = new ArrayList<>();
        byUser.forEach((user, items) -> {
            long maxLength = items.stream().map(PreparedListen::trackLengthMs).filter(l -> l != null)
                    .mapToLong(Long::longValue).max().orElse(0);
            // a candidate further away than this cannot match either rule (5 min, or length ± 30 s); the hour of
            // cushion covers a stored listen whose own length (unknown here) is what makes it match
            long reach = Math.max(rules.crossSourceWindowMs(), maxLength + rules.endStampToleranceMs())
                    + WINDOW_CUSHION_MS;
            List<long[]> windows = TimeWindows.around(items.stream().mapToLong(PreparedListen::startMs).toArray(), reach);
            Set<Long> tracks = new LinkedHashSet<>();
            Set<String> externalIds = new LinkedHashSet<>();
            for (PreparedListen p : items) {
                tracks.add(p.trackId());
                if (p.stamp().externalId() != null) {
                    externalIds.add(p.stamp().externalId());
                }
            }
            candidates.addAll(listens.candidates(user, tracks, windows, externalIds));
        });
        return candidates;
    }

    /** Callers validate their wire format; this guards the funnel's own invariants. */
    private static void requireCatalogText(IncomingListen listen) {
        TrackCredit credit = listen.credit();
        if (credit == null || isBlank(credit.artist()) || isBlank(credit.title())) {
            throw TonearmException.invalid(credit == null || isBlank(credit.artist()) ? "artist" : "track",
                    "must not be blank");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
