package org.tonearm.listens.internal.persistence;

import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.LISTEN_SOURCES;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.tonearm.listens.Classifier;
import org.tonearm.listens.Channel;
import org.tonearm.listens.Service;
import org.tonearm.listens.internal.dedup.SourceStamp;
import org.tonearm.listens.internal.dedup.WorkingListen;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.tonearm.shared.Database;
import org.tonearm.shared.DatabaseKind;

/**
 * The write side of listens for the ingestion funnel: deduplication candidates in a few set-wise queries,
 * and batched inserts/updates. All methods run inside the caller's {@code Database.write}.
 */
@Repository
public class JooqListenRepository {

    /** Keeps IN lists under SQLite's bound-variable limit and PostgreSQL plans small. */
    private static final int IN_CHUNK = 500;
    /**
     * External ids are looked up 100 at a time: PostgreSQL without statistics (autovacuum off, or a table that grew
     * faster than it) costs 500 probes of ix_listens_user_external above a bitmap scan of the user's listens and
     * read the whole history per batch of a 1,000,000-row import; at 100 (and 200) it keeps the index (EXPLAIN on a
     * 154,000-listen table, docs/query-plans.md).
     */
    private static final int EXTERNAL_ID_CHUNK = 100;
    /**
     * A batch of this few tracks (a scrobble, a client's small backlog, one user's share of a group commit) asks
     * ix_listens_user_track_time for exactly its tracks: a range scan of the time index would read every listen of
     * the surrounding hour or more, and a user scrobbling steadily has many (the ListenBrainz single-submission
     * benchmark spent a fifth of its server time there, docs/performance.md).
     */
    private static final int FEW_TRACKS = 32;
    /** COPY data goes to the server in pieces of about this many characters (see CopyText). */
    private static final int COPY_CHUNK_CHARS = 64 * 1024;
    /** More windows than this and the few tracks are looked up through the windows' statement, not per window. */
    private static final int MAX_WINDOW_QUERIES = 16;
    /** Windows per statement: two bound values each on SQLite, far below its limit of 32,766. */
    private static final int WINDOW_CHUNK = 500;

    private final Database database;
    private final Classifier classifier;
    /** The external-id lookups' SQL by list length (the dialect is fixed for the application's life). */
    private final Map<Integer, String> externalIdSql = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, String> absorbedExternalIdSql = new java.util.concurrent.ConcurrentHashMap<>();

    public JooqListenRepository(Database database, Classifier classifier) {
        this.database = database;
        this.classifier = classifier;
    }

    /**
     * The stored listens a batch of one user could duplicate: those of the batch's tracks whose start lies in
     * one of the batch's time windows, plus any listen or absorbed source carrying one of the batch's external
     * ids (ix_listens_user_external, ix_listen_sources_user_external). A batch of a few tracks asks for exactly
     * those tracks in each window (ix_listens_user_track_time). A larger batch of one session or one stretch of
     * history has a window or two: each is one range scan of ix_listens_user_time, whose rows of other tracks are
     * dropped here (a fresh import finds nothing in it at all). A batch scattered over many
     * windows instead asks ix_listens_user_track_time per chunk of tracks over its whole span.
     */
    public List<WorkingListen> candidates(long userId, Collection<Long> trackIds, List<long[]> windows,
            Collection<String> externalIds) {
        DSLContext dsl = database.dsl();
        Map<Long, Record> rows = new LinkedHashMap<>();
        if (trackIds.size() <= FEW_TRACKS && windows.size() <= MAX_WINDOW_QUERIES) {
            for (long[] window : windows) {
                byTrackInWindow(dsl, userId, trackIds, window[0], window[1]).forEach(r -> rows.put(r.get(LISTENS.ID), r));
            }
        } else {
            // Many tracks, or many windows: the user's listens inside the windows, one index range scan per window
            // in one statement per chunk of windows, and the other tracks' rows dropped here. Asking for the
            // batch's tracks over its whole span instead read every play of those tracks in between: for a batch
            // scattered through a dense history (1,000 listens over 180 days against a user with 1,000,000) that
            // was most of his plays in that half-year, per batch — 0.22× of a new user's speed, then an exhausted
            // 256 MB heap (issue #19 item 2, docs/performance.md).
            java.util.Set<Long> tracks = new java.util.HashSet<>(trackIds);
            for (int i = 0; i < windows.size(); i += WINDOW_CHUNK) {
                List<long[]> chunk = windows.subList(i, Math.min(windows.size(), i + WINDOW_CHUNK));
                keep(inWindows(dsl, userId, chunk), r -> tracks.contains(r.get(LISTENS.TRACK_ID)), rows);
            }
        }
        for (List<String> chunk : chunks(externalIds, EXTERNAL_ID_CHUNK)) {
            String own = externalIdSql.computeIfAbsent(chunk.size(),
                    n -> byExternalId(dsl, 0, java.util.Collections.nCopies(n, "")).getSQL());
            String absorbed = absorbedExternalIdSql.computeIfAbsent(chunk.size(),
                    n -> byAbsorbedExternalId(dsl, 0, java.util.Collections.nCopies(n, "")).getSQL());
            fetchByUserAndValues(dsl, own, userId, chunk).forEach(r -> rows.put(r.get(LISTENS.ID), r));
            fetchByUserAndValues(dsl, absorbed, userId, chunk).forEach(r -> rows.put(r.get(LISTENS.ID), r));
        }
        Map<Long, List<SourceStamp>> absorbed = absorbedStamps(userId,
                rows.values().stream().filter(r -> r.get(LISTENS.MERGE_COUNT) > 0).map(r -> r.get(LISTENS.ID)).toList());
        List<WorkingListen> candidates = new ArrayList<>(rows.size());
        for (Record r : rows.values()) {
            SourceStamp primary = new SourceStamp(r.get(LISTENS.LISTENED_AT), r.get(LISTENS.DURATION_PLAYED_MS),
                    Service.fromWire(r.get(LISTENS.SERVICE)), Channel.fromWire(r.get(LISTENS.CHANNEL)),
                    originOf(r.get(LISTENS.ORIGIN), r.get(LISTENS.CHANNEL)), r.get(LISTENS.CLIENT),
                    r.get(LISTENS.EXTERNAL_ID), r.get(LISTENS.RAW));
            candidates.add(new WorkingListen(r.get(LISTENS.ID), userId, r.get(LISTENS.TRACK_ID), r.get(LISTENS.ALBUM_ID),
                    r.get(LISTENS.TRACK_LENGTH_MS), primary, r.get(LISTENS.EXTRA), r.get(LISTENS.MERGE_COUNT),
                    absorbed.getOrDefault(r.get(LISTENS.ID), List.of()), true));
        }
        return candidates;
    }

    /** Rows fetched this many at a time: PostgreSQL streams them inside the transaction, SQLite always does. */
    private static final int STREAM_FETCH_SIZE = 1_000;

    /** Streams the query's rows and keeps those the filter accepts, so rows it drops are never held together. */
    private static void keep(ResultQuery<Record> query, java.util.function.Predicate<Record> filter,
            Map<Long, Record> rows) {
        try (org.jooq.Cursor<Record> cursor = query.fetchSize(STREAM_FETCH_SIZE).fetchLazy()) {
            for (Record r : cursor) {
                if (filter.test(r)) {
                    rows.put(r.get(LISTENS.ID), r);
                }
            }
        }
    }

    // The lookups as queries, public so that QueryPlanIntegrationTests and IngestPlanIntegrationTests ask the
    // planner about these very statements. They are separate on purpose: "external_id in (…) OR id in (select …
    // listen_sources …)" in one WHERE made both databases read every listen of the user (no index serves an OR
    // across two tables).
    //
    // Each names its user with ownedBy and (SQLite) its index with via, so that its plan does not depend on the
    // statistics (issue #19 item 1, docs/query-plans.md "Plans that do not depend on luck").

    /**
     * {@code column = the user} such that no planner statistic about this particular user decides the index.
     * PostgreSQL plans each execution with its values (pgjdbc prepareThreshold=0): for a user missing from
     * pg_statistic (created or grown after the last ANALYZE; autovacuum off) it estimates 1 row for
     * {@code user_id = ?}, and then every index starting with user_id looks equally cheap — it took the smaller
     * ix_listens_user_album and filtered the user's whole history by time, 103,251 buffers instead of 243 at
     * 200,000 listens (issue #19). Bound through {@code (select ?)} the value is an InitPlan parameter, estimated
     * as the average user (1 / n_distinct of user_id, var_eq_non_const in selfuncs.c), the same for every user,
     * so the other conditions (time window, tracks, external ids) choose the index, as they should. SQLite
     * plans without values anyway and gets its index named instead ({@link #via}).
     */
    static Condition ownedBy(DSLContext dsl, Field<Long> userColumn, long userId) {
        return dsl.family() == SQLDialect.POSTGRES
                ? userColumn.eq(DSL.field(DSL.select(DSL.val(userId))))
                : userColumn.eq(userId);
    }

    /**
     * The table read through this index on SQLite ({@code INDEXED BY}, an SQLite extension that fails the
     * statement at prepare time if the index cannot serve it): SQLite's planner trusts sqlite_stat1 when an
     * operator has run ANALYZE, and a stat1 row over listens whose external ids are all NULL rates
     * ix_listens_user_external as matching every row, so the external-id lookup became SCAN listens. The
     * ingest lookups always have exactly one right index, so it is named. PostgreSQL has no such clause: there
     * {@link #ownedBy} keeps the estimates honest instead.
     */
    static Table<?> via(DSLContext dsl, Table<?> table, String index) {
        return dsl.family() == SQLDialect.SQLITE
                ? DSL.table("{0} indexed by {1}", table, DSL.name(index))
                : table;
    }

    /**
     * Same user, inside any of these windows: one range scan of ix_listens_user_time per window, in one statement.
     * The windows are a derived table joined to listens by {@code listened_at between f and t}, so the database
     * descends the index once per window and reads only the rows inside. PostgreSQL gets them as two arrays
     * ({@code unnest}: one statement text whatever the count, the planner sees the array's length) and a LATERAL
     * subquery per window; SQLite a {@code VALUES} list, and {@code CROSS JOIN} (SQLite's "this table is the outer
     * loop") keeps the windows outside, since a join order the other way round would scan the user's whole history
     * once.
     */
    public static ResultQuery<Record> inWindows(DSLContext dsl, long userId, List<long[]> windows) {
        Field<Long> from = DSL.field(DSL.name("w", "f"), Long.class);
        Field<Long> to = DSL.field(DSL.name("w", "t"), Long.class);
        if (dsl.family() == SQLDialect.POSTGRES) {
            Long[] froms = new Long[windows.size()];
            Long[] tos = new Long[windows.size()];
            for (int i = 0; i < windows.size(); i++) {
                froms[i] = windows.get(i)[0];
                tos[i] = windows.get(i)[1];
            }
            Table<?> w = DSL.table("unnest(cast({0} as bigint[]), cast({1} as bigint[])) as w(f, t)", DSL.val(froms),
                    DSL.val(tos));
            // LATERAL with OFFSET 0, which PostgreSQL never flattens into the join: with the windows and the user's
            // rows in one join, a table without statistics made it read the user's whole history once and filter
            // it against every window (EXPLAIN in IngestPlanIntegrationTests); inside, each window is a plain
            // range condition on (user_id, listened_at), which only ix_listens_user_time serves
            Table<?> inWindow = DSL.lateral(dsl.select(LISTENS.fields()).from(LISTENS)
                    .where(ownedBy(dsl, LISTENS.USER_ID, userId), LISTENS.LISTENED_AT.between(from, to))
                    .offset(DSL.inline(0))).as(LISTENS.getName());
            return dsl.select(LISTENS.fields()).from(w).crossJoin(inWindow);
        } else {
            StringBuilder values = new StringBuilder("(select column1 as f, column2 as t from (values ");
            Object[] binds = new Object[windows.size() * 2];
            for (int i = 0; i < windows.size(); i++) {
                values.append(i == 0 ? "(?, ?)" : ", (?, ?)");
                binds[2 * i] = windows.get(i)[0];
                binds[2 * i + 1] = windows.get(i)[1];
            }
            Table<?> w = DSL.table(values.append(")) as w").toString(), binds);
            return dsl.select(LISTENS.fields()).from(w).crossJoin(via(dsl, LISTENS, "ix_listens_user_time"))
                    .where(ownedBy(dsl, LISTENS.USER_ID, userId), LISTENS.LISTENED_AT.between(from, to));
        }
    }

    /** Same user, some tracks, a time window: a range scan of ix_listens_user_track_time. */
    public static ResultQuery<Record> byTrackInWindow(DSLContext dsl, long userId, Collection<Long> trackIds, long from,
            long to) {
        return dsl.select(LISTENS.fields()).from(via(dsl, LISTENS, "ix_listens_user_track_time"))
                .where(ownedBy(dsl, LISTENS.USER_ID, userId), LISTENS.TRACK_ID.in(trackIds),
                        LISTENS.LISTENED_AT.between(from, to));
    }

    /**
     * Listens whose own external id is one of these: ix_listens_user_external. (A partial index "where
     * external_id is not null" was tried and dropped: PostgreSQL proves that "in (…)" implies "not null" only
     * for lists of up to 100 values — MAX_SAOP_ARRAY_SIZE in predtest.c — so with chunks of 500 and no table
     * statistics it read the user's whole history during a 1,000,000-row import.)
     */
    public static ResultQuery<Record> byExternalId(DSLContext dsl, long userId, Collection<String> externalIds) {
        return dsl.select(LISTENS.fields()).from(via(dsl, LISTENS, "ix_listens_user_external"))
                .where(ownedBy(dsl, LISTENS.USER_ID, userId), LISTENS.EXTERNAL_ID.in(externalIds));
    }

    /** Listens that absorbed a report with one of these external ids: ix_listen_sources_user_external, then the key. */
    public static ResultQuery<Record> byAbsorbedExternalId(DSLContext dsl, long userId, Collection<String> externalIds) {
        return dsl.select(LISTENS.fields()).from(LISTENS)
                .where(LISTENS.ID.in(DSL.select(LISTEN_SOURCES.LISTEN_ID)
                        .from(via(dsl, LISTEN_SOURCES, "ix_listen_sources_user_external"))
                        .where(ownedBy(dsl, LISTEN_SOURCES.USER_ID, userId), LISTEN_SOURCES.EXTERNAL_ID.in(externalIds))));
    }

    /** The reports absorbed into these listens of the user, oldest first: ix_listen_sources_user_listen. */
    public static ResultQuery<Record> absorbedInto(DSLContext dsl, long userId, Collection<Long> listenIds) {
        return dsl.select(LISTEN_SOURCES.fields()).from(via(dsl, LISTEN_SOURCES, "ix_listen_sources_user_listen"))
                .where(ownedBy(dsl, LISTEN_SOURCES.USER_ID, userId), LISTEN_SOURCES.LISTEN_ID.in(listenIds))
                .orderBy(LISTEN_SOURCES.ID);
    }

    /**
     * Runs one of the external-id lookups from its SQL rendered once per list length: rendering an IN list of 100
     * values anew for every chunk was half the candidates' time in an import's JFR profile (docs/performance.md).
     * Both statements bind the user first, then the values (asserted in QueryPlanIntegrationTests through the
     * same builders).
     */
    private static org.jooq.Result<Record> fetchByUserAndValues(DSLContext dsl, String sql, long userId,
            List<String> values) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setLong(1, userId);
                for (int i = 0; i < values.size(); i++) {
                    ps.setString(i + 2, values.get(i));
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return dsl.fetch(rs, LISTENS.fields());
                }
            }
        });
    }

    private Map<Long, List<SourceStamp>> absorbedStamps(long userId, List<Long> listenIds) {
        Map<Long, List<SourceStamp>> byListen = new HashMap<>();
        for (List<Long> chunk : chunks(listenIds)) {
            absorbedInto(database.dsl(), userId, chunk).fetchInto(LISTEN_SOURCES)
                    .forEach(s -> byListen.computeIfAbsent(s.getListenId(), k -> new ArrayList<>()).add(new SourceStamp(
                            s.getListenedAt(), s.getDurationPlayedMs(), Service.fromWire(s.getService()),
                            Channel.fromWire(s.getChannel()), originOf(s.getOrigin(), s.getChannel()), s.getClient(),
                            s.getExternalId(), s.getRaw())));
        }
        return byListen;
    }

    /** The origin column always holds a value; "the channel itself" is stored as the channel name. */
    private static String originOf(String stored, String channel) {
        return stored.equals(channel) ? null : stored;
    }

    /**
     * Inserts the batch's new listens with ids allocated up front: on PostgreSQL with one {@code COPY} (its bulk
     * path: no per-row statement, no plan), on SQLite in one JDBC batch bound straight on the PreparedStatement,
     * because jOOQ's per-row batch binding cost 13.5 % of ingest time in the JFR profile (docs/performance.md).
     */
    public void insertCreated(List<WorkingListen> created, LongFunction<ZoneId> zoneOfUser, long now) {
        if (created.isEmpty()) {
            return;
        }
        long[] ids = database.allocateIds(LISTENS, created.size());
        List<Object[]> rows = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            WorkingListen l = created.get(i);
            l.assignId(ids[i]);
            rows.add(row(l, zoneOfUser.apply(l.userId()), now));
        }
        if (database.kind() == DatabaseKind.POSTGRES) {
            copy(rows);
        } else {
            batchInsert(rows);
        }
    }

    /**
     * The statistics facts of listens as {@link #insertCreated} and {@link #updateMerged} store them (same classifier,
     * same local day and hour), so the funnel's {@code ListensChanged} needs no query for them.
     */
    public List<org.tonearm.listens.ListensChanged.Fact> facts(List<WorkingListen> written, LongFunction<ZoneId> zoneOfUser) {
        List<org.tonearm.listens.ListensChanged.Fact> facts = new ArrayList<>(written.size());
        for (WorkingListen l : written) {
            SourceStamp p = l.primary();
            var verdict = classifier.classify(p.durationPlayedMs(), l.trackLengthMs());
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(p.listenedAt()), zoneOfUser.apply(l.userId()));
            facts.add(new org.tonearm.listens.ListensChanged.Fact(l.id(), (int) local.toLocalDate().toEpochDay(),
                    local.getHour(), l.trackId(), l.albumId(),
                    verdict.classification() == org.tonearm.listens.Classification.SKIP, verdict.weight(),
                    p.durationPlayedMs(), l.trackLengthMs(), p.listenedAt()));
        }
        return facts;
    }

    /** The columns of {@link #INSERTED}, in that order. */
    private Object[] row(WorkingListen l, ZoneId zone, long now) {
        SourceStamp p = l.primary();
        var verdict = classifier.classify(p.durationPlayedMs(), l.trackLengthMs());
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(p.listenedAt()), zone);
        return new Object[] {l.id(), l.userId(), l.trackId(), l.albumId(), p.listenedAt(), p.durationPlayedMs(),
                l.trackLengthMs(), verdict.classification().name(), verdict.weight(), p.service().wire(),
                p.channel().wire(), storedOrigin(p), p.client(), p.externalId(),
                (int) local.toLocalDate().toEpochDay(), (short) local.getHour(), l.mergeCount(), l.extraJson(),
                p.raw(), now, now};
    }

    private static final List<org.jooq.TableField<?, ?>> INSERTED = List.of(LISTENS.ID, LISTENS.USER_ID,
            LISTENS.TRACK_ID, LISTENS.ALBUM_ID, LISTENS.LISTENED_AT, LISTENS.DURATION_PLAYED_MS,
            LISTENS.TRACK_LENGTH_MS, LISTENS.CLASSIFICATION, LISTENS.WEIGHT, LISTENS.SERVICE, LISTENS.CHANNEL,
            LISTENS.ORIGIN, LISTENS.CLIENT, LISTENS.EXTERNAL_ID, LISTENS.LOCAL_DAY, LISTENS.LOCAL_HOUR,
            LISTENS.MERGE_COUNT, LISTENS.EXTRA, LISTENS.RAW, LISTENS.CREATED_AT, LISTENS.UPDATED_AT);

    private void copy(List<Object[]> rows) {
        String sql = "COPY listens (" + String.join(", ", INSERTED.stream().map(f -> f.getName()).toList())
                + ") FROM STDIN";
        database.dsl().connection(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                CopyText text = new CopyText(copy::writeToCopy, COPY_CHUNK_CHARS);
                for (Object[] row : rows) {
                    for (Object value : row) {
                        text.value(value);
                    }
                    text.endRow();
                }
                text.flush();
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy(); // a failure mid-stream: the server discards the partial COPY
                }
            }
        });
    }

    private void batchInsert(List<Object[]> rows) {
        DSLContext dsl = database.dsl();
        String sql = dsl.insertInto(LISTENS).columns(INSERTED)
                .values(java.util.Collections.nCopies(INSERTED.size(), (Object) null)).getSQL();
        dsl.connection(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int c = 0; c < row.length; c++) {
                        bind(ps, c + 1, row[c]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case Long v -> ps.setLong(index, v);
            case Integer v -> ps.setInt(index, v);
            case Short v -> ps.setShort(index, v);
            case Double v -> ps.setDouble(index, v);
            case String v -> ps.setString(index, v);
            default -> throw new IllegalArgumentException("unexpected column value " + value.getClass());
        }
    }

    /** Rewrites stored listens that absorbed another source's report of the same play. */
    public void updateMerged(List<WorkingListen> changed, LongFunction<ZoneId> zoneOfUser, long now) {
        DSLContext dsl = database.dsl();
        for (WorkingListen l : changed) {
            SourceStamp p = l.primary();
            var verdict = classifier.classify(p.durationPlayedMs(), l.trackLengthMs());
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(p.listenedAt()), zoneOfUser.apply(l.userId()));
            dsl.update(LISTENS)
                    .set(LISTENS.ALBUM_ID, l.albumId())
                    .set(LISTENS.LISTENED_AT, p.listenedAt())
                    .set(LISTENS.DURATION_PLAYED_MS, p.durationPlayedMs())
                    .set(LISTENS.TRACK_LENGTH_MS, l.trackLengthMs())
                    .set(LISTENS.CLASSIFICATION, verdict.classification().name())
                    .set(LISTENS.WEIGHT, verdict.weight())
                    .set(LISTENS.SERVICE, p.service().wire())
                    .set(LISTENS.CHANNEL, p.channel().wire())
                    .set(LISTENS.ORIGIN, storedOrigin(p))
                    .set(LISTENS.CLIENT, p.client())
                    .set(LISTENS.EXTERNAL_ID, p.externalId())
                    .set(LISTENS.LOCAL_DAY, (int) local.toLocalDate().toEpochDay())
                    .set(LISTENS.LOCAL_HOUR, (short) local.getHour())
                    .set(LISTENS.MERGE_COUNT, l.mergeCount())
                    .set(LISTENS.EXTRA, l.extraJson())
                    .set(LISTENS.RAW, p.raw())
                    .set(LISTENS.UPDATED_AT, now)
                    .where(LISTENS.ID.eq(l.id()))
                    .execute();
        }
    }

    /** Keeps every absorbed report (its identifiers and raw payload) beside the kept listen. */
    public void insertAbsorbed(List<WorkingListen> merged, long now) {
        DSLContext dsl = database.dsl();
        var insert = dsl.insertInto(LISTEN_SOURCES, LISTEN_SOURCES.USER_ID, LISTEN_SOURCES.LISTEN_ID,
                LISTEN_SOURCES.LISTENED_AT, LISTEN_SOURCES.DURATION_PLAYED_MS, LISTEN_SOURCES.SERVICE,
                LISTEN_SOURCES.CHANNEL, LISTEN_SOURCES.ORIGIN, LISTEN_SOURCES.CLIENT, LISTEN_SOURCES.EXTERNAL_ID,
                LISTEN_SOURCES.RAW, LISTEN_SOURCES.CREATED_AT);
        boolean any = false;
        for (WorkingListen l : merged) {
            for (SourceStamp s : l.newlyAbsorbed()) {
                insert = insert.values(l.userId(), l.id(), s.listenedAt(), s.durationPlayedMs(), s.service().wire(),
                        s.channel().wire(), storedOrigin(s), s.client(), s.externalId(), s.raw(), now);
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
    }

    private static String storedOrigin(SourceStamp s) {
        return s.origin() == null ? s.channel().wire() : s.origin();
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        return chunks(values, IN_CHUNK);
    }

    private static <T> List<List<T>> chunks(Collection<T> values, int size) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}
