package org.tonearm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.LISTENS;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.jooq.Query;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tonearm.listens.internal.persistence.JooqListenRepository;
import org.tonearm.shared.DatabaseKind;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #19 item 1, "plans that do not depend on luck": every lookup of the ingest funnel uses its intended
 * index whatever the planner statistics say. PostgreSQL is asked (EXPLAIN (FORMAT JSON), no planner switches)
 * in the states a self-hoster reaches: a user created after the last ANALYZE of a table full of other users'
 * listens, a user who grew to 200,000 listens after ANALYZE saw 100 of them (stale), a user with 200,000
 * listens the statistics know, and a table never analyzed. SQLite is asked (EXPLAIN QUERY PLAN) without
 * sqlite_stat1, with a real one, and with a misleading one. The statements are built by the repository's own
 * methods, so the plans are those of the SQL the funnel runs. Captured plans and timings: docs/query-plans.md.
 *
 * <p>Each state lives in a schema (PostgreSQL) or database file (SQLite) of its own, made with the real tables'
 * definitions and indexes, so the shared test schema's statistics are neither used nor disturbed.
 */
class IngestPlanIntegrationTests extends IntegrationTestBase {

    static final long HOUR = 3_600_000L;
    static final long START = 1_420_070_400_000L; // 2015-01-01T00:00:00Z
    /** One listen every 3 minutes: 200,000 listens are about 14 months of constant listening. */
    static final long STEP = 180_000L;
    static final int BIG = 200_000;
    static final long OTHER_A = 1_000_001L;
    static final long OTHER_B = 1_000_002L;
    static final long STALE = 2L;
    static final long GROWN = 5L;
    static final long FRESH = 3L;
    static final long KNOWN = 4L;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // ---------------------------------------------------------------------------------------------------------
    // PostgreSQL

    @Test
    void postgresUsesTheIntendedIndexesForUsersMissingFromTheStatistics() {
        Assumptions.assumeTrue(database.kind() == DatabaseKind.POSTGRES, "PostgreSQL planner states");
        String schema = scratchSchema();
        try {
            // the case: ANALYZE saw two other users' listens; then a user arrives and imports 200,000,
            // another arrives with 1,000
            insertListens(schema, OTHER_A, 0, 40_000);
            insertListens(schema, OTHER_B, 0, 40_000);
            analyze(schema);
            insertListens(schema, GROWN, 0, BIG);
            insertListens(schema, FRESH, 0, 1_000);

            assertIntendedPostgresPlans(schema, "missing: 200,000 listens after ANALYZE", GROWN, BIG / 2, true);
            assertIntendedPostgresPlans(schema, "fresh: 1,000 listens after ANALYZE", FRESH, 500, true);
        } finally {
            exec("drop schema " + schema + " cascade");
        }
    }

    @Test
    void postgresUsesTheIntendedIndexesWithStaleStatistics() {
        Assumptions.assumeTrue(database.kind() == DatabaseKind.POSTGRES, "PostgreSQL planner states");
        String schema = scratchSchema();
        try {
            // ANALYZE while the table was small (the user's first 100 listens and 2,000 of another), then growth
            insertListens(schema, OTHER_A, 0, 2_000);
            insertListens(schema, STALE, 0, 100);
            analyze(schema);
            insertListens(schema, STALE, 100, 100_000);
            exec("insert into " + schema + ".listen_sources (id, user_id, listen_id, listened_at, service, channel,"
                    + " origin, external_id, created_at) select 90000000 + g, " + STALE + ", 0, 0, 'lastfm', 'import',"
                    + " 'lastfm_export', 'more-' || g, 0 from generate_series(1, 90000) g");
            assertIntendedPostgresPlans(schema, "stale: 100 listens at ANALYZE, 100,000 now", STALE, 50_000, true);
        } finally {
            exec("drop schema " + schema + " cascade");
        }
    }

    @Test
    void postgresUsesTheIntendedIndexesWithoutStatisticsAndForAUserTheyKnowWell() {
        Assumptions.assumeTrue(database.kind() == DatabaseKind.POSTGRES, "PostgreSQL planner states");
        String schema = scratchSchema();
        try {
            insertListens(schema, KNOWN, 0, 150_000);
            insertListens(schema, OTHER_A, 0, 10_000);
            assertIntendedPostgresPlans(schema, "none: never analyzed", KNOWN, 75_000, false);
            analyze(schema);
            assertIntendedPostgresPlans(schema, "known: 150,000 listens in the statistics", KNOWN, 75_000, true);
        } finally {
            exec("drop schema " + schema + " cascade");
        }
    }

    /** {@code count} ten-minute windows a day and a half apart from {@code at} on: a shuffled batch's windows. */
    static List<long[]> scattered(long at, int count) {
        List<long[]> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = at - 180 * 24 * HOUR + i * 36 * HOUR;
            windows.add(new long[] {start, start + 600_000});
        }
        return windows;
    }

    private void analyze(String schema) {
        exec("analyze " + schema + ".listens, " + schema + ".listen_sources");
    }

    /**
     * @param analyzed whether the table has statistics at all: without any, PostgreSQL's default selectivities
     *     make the scattered batch's lookup (50 tracks over a year) look like one row either way, and it may take
     *     the time index bounded by that year instead of the track index, and the IN-list lookups may read the
     *     user's rows (docs/query-plans.md "What is left"); the time-window lookups hold in every state
     */
    private void assertIntendedPostgresPlans(String schema, String state, long user, int middle, boolean analyzed) {
        long at = START + middle * STEP;
        List<Long> fiveTracks = List.of((long) middle % 5_000 + 1, 7L, 8L, 9L, 10L);

        // a time-ordered batch's window (its span ± the hour of cushion): ix_listens_user_time, bounded by time
        JsonNode window = pgPlan(schema, JooqListenRepository.inWindows(database.dsl(), user,
                List.of(new long[] {at - HOUR, at + 2 * HOUR})));
        assertUses(state, window, "listens", "listened_at", "ix_listens_user_time");
        // a batch scattered over a year: 500 ten-minute windows in one statement, still one range scan each
        JsonNode windows = pgPlan(schema, JooqListenRepository.inWindows(database.dsl(), user, scattered(at, 500)));
        assertUses(state, windows, "listens", "listened_at", "ix_listens_user_time");
        // a few tracks in a window
        JsonNode fewTracks = pgPlan(schema, JooqListenRepository.byTrackInWindow(database.dsl(), user, fiveTracks,
                at - HOUR, at + 2 * HOUR));
        // few tracks in a narrow window: either index bounded by the window is right (the planner weighs five
        // descents of the track index against the window's rows in the time index); never one bounded by the user alone
        assertUses(state, fewTracks, "listens", "listened_at", "ix_listens_user_track_time", "ix_listens_user_time");
        // an import batch's external ids, own and absorbed, and the absorbed reports of merged candidates
        List<String> ids = LongStream.range(0, 100).mapToObj(i -> "ext-" + user + "-" + (middle + i * 7)).toList();
        JsonNode own = pgPlan(schema, JooqListenRepository.byExternalId(database.dsl(), user, ids));
        JsonNode absorbed = pgPlan(schema, JooqListenRepository.byAbsorbedExternalId(database.dsl(), user, ids));
        if (analyzed) {
            // without any statistics an IN list of 50–100 values × the default selectivity (0.5 % each) looks
            // less selective than the user's default share, and PostgreSQL reads the user's rows through any
            // index on user_id: the IN-list lookups need statistics, which is why operators keep autovacuum on
            // (docs/operations.md, docs/query-plans.md "What is left")
            assertUses(state, own, "listens", "external_id", "ix_listens_user_external");
            assertUses(state, absorbed, "listen_sources", "external_id", "ix_listen_sources_user_external");
        }
        List<Long> listenIds = LongStream.range(0, 50).map(i -> id(user, middle + i * 10)).boxed().toList();
        JsonNode sources = pgPlan(schema, JooqListenRepository.absorbedInto(database.dsl(), user, listenIds));
        if (analyzed) {
            assertUses(state, sources, "listen_sources", "listen_id", "ix_listen_sources_user_listen");
        }

        // what the fix is worth: the three windows of one time-ordered batch of 1,000 (50 hours), as the funnel
        // asked before (user_id = ?) and now; EXPLAIN ANALYZE's own figures, so the client's fetching is not counted
        String before = measureWindows(schema, at, from -> database.dsl().select(LISTENS.fields()).from(LISTENS)
                .where(LISTENS.USER_ID.eq(user), LISTENS.LISTENED_AT.between(from, from + 18 * HOUR)));
        String after = measureWindows(schema, at,
                from -> JooqListenRepository.inWindows(database.dsl(), user, List.of(new long[] {from, from + 18 * HOUR})));
        System.out.printf("INGEST WINDOWS (POSTGRES) %s: before %s; after %s%n", state, before, after);
    }

    /** Executes the three windows of a batch under EXPLAIN (ANALYZE, BUFFERS): total time, buffers, index used. */
    private String measureWindows(String schema, long at, LongFunction<Query> window) {
        return database.read(() -> {
            database.dsl().execute("set local search_path = " + schema);
            double ms = 0;
            long buffers = 0;
            String index = "";
            for (int w = 0; w < 3; w++) {
                Query q = window.apply(at + w * 17 * HOUR);
                JsonNode root = JSON.readTree(database.dsl().fetchValue("explain (analyze, buffers, format json) "
                        + q.getSQL(), q.getBindValues().toArray()).toString()).get(0);
                ms += root.path("Execution Time").asDouble();
                buffers += root.path("Plan").path("Shared Hit Blocks").asLong()
                        + root.path("Plan").path("Shared Read Blocks").asLong();
                List<JsonNode> nodes = new ArrayList<>();
                collect(root.path("Plan"), nodes);
                index = nodes.stream().map(n -> n.path("Index Name").asString()).filter(n -> !n.isEmpty())
                        .findFirst().orElse("");
            }
            return String.format("%.2f ms, %d buffers (%s)", ms, buffers, index);
        });
    }

    /**
     * The plan reads {@code table} through one of {@code indexes} with {@code column} among its index conditions
     * (so the scan is bounded by it, not by the user alone), through no other index and never sequentially.
     */
    private static void assertUses(String state, JsonNode plan, String table, String column, String... indexes) {
        List<JsonNode> nodes = new ArrayList<>();
        collect(plan, nodes);
        // a Bitmap Index Scan names its index but not its table: the ix_<table>_ prefix tells
        List<JsonNode> onTable = nodes.stream().filter(n -> table.equals(n.path("Relation Name").asString())
                || n.path("Index Name").asString().startsWith("ix_" + table + "_")).toList();
        assertThat(onTable).as("%s: reads %s\n%s", state, table, plan).isNotEmpty();
        assertThat(onTable).as("%s\n%s", state, plan).anyMatch(n -> n.has("Index Name"));
        for (JsonNode n : onTable) {
            assertThat(n.path("Node Type").asString()).as("%s\n%s", state, plan).isNotEqualTo("Seq Scan");
            if (n.has("Index Name")) {
                assertThat(n.path("Index Name").asString()).as("%s\n%s", state, plan).isIn((Object[]) indexes);
                assertThat(n.path("Index Cond").asString()).as("%s\n%s", state, plan).contains(column);
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        for (JsonNode child : node.path("Plans")) {
            collect(child, into);
        }
    }

    /** EXPLAIN (FORMAT JSON) of the statement with its binds, against the state's schema; printed for the docs. */
    private JsonNode pgPlan(String schema, Query query) {
        String json = database.read(() -> {
            database.dsl().execute("set local search_path = " + schema);
            return database.dsl().fetchValue("explain (format json) " + query.getSQL(),
                    query.getBindValues().toArray()).toString();
        });
        JsonNode plan = JSON.readTree(json).get(0).get("Plan");
        System.out.println("QUERY PLAN (POSTGRES " + schema + ")\n  " + query.getSQL() + "\n  " + text(plan, "  "));
        return plan;
    }

    private static String text(JsonNode node, String indent) {
        StringBuilder b = new StringBuilder(node.path("Node Type").asString());
        if (node.has("Index Name")) {
            b.append(" using ").append(node.path("Index Name").asString());
        }
        if (node.has("Relation Name")) {
            b.append(" on ").append(node.path("Relation Name").asString());
        }
        b.append(" (rows=").append(node.path("Plan Rows").asString()).append(')');
        if (node.has("Index Cond")) {
            b.append(" Index Cond: ").append(node.path("Index Cond").asString());
        }
        if (node.has("Filter")) {
            b.append(" Filter: ").append(node.path("Filter").asString());
        }
        for (JsonNode child : node.path("Plans")) {
            b.append('\n').append(indent).append("  -> ").append(text(child, indent + "  "));
        }
        return b.toString();
    }

    /** A schema holding empty copies of the ingest tables with the real definitions and index names. */
    private String scratchSchema() {
        String schema = "plan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String current = database.dsl().fetchValue("select current_schema()").toString();
        exec("create schema " + schema);
        for (String table : List.of("listens", "listen_sources")) {
            exec("create table " + schema + "." + table + " (like " + current + "." + table + " including defaults)");
            for (Object def : database.dsl().fetchValues(
                    "select indexdef from pg_indexes where schemaname = ? and tablename = ?", current, table)) {
                exec(def.toString().replace(" ON " + current + "." + table + " ", " ON " + schema + "." + table + " "));
            }
        }
        return schema;
    }

    /**
     * Listens {@code from} … {@code to - 1} of a user, one every 3 minutes, over 5,000 tracks and 500 albums (the
     * album id is the track's tenth, so ix_listens_user_album is as populated as in real data); every other one
     * carries an external id and every tenth absorbed a second report. One INSERT … SELECT generate_series each.
     */
    private void insertListens(String schema, long user, int from, int to) {
        exec("insert into " + schema + ".listens (id, user_id, track_id, album_id, listened_at, duration_played_ms,"
                + " classification, weight, service, channel, origin, external_id, local_day, local_hour, merge_count,"
                + " created_at, updated_at) select " + user + "::bigint * 10000000 + g, " + user + ", g % 5000 + 1,"
                + " g % 5000 / 10 + 1, " + START + " + g * " + STEP + "::bigint, 180000, 'FULL', 1.0, 'spotify',"
                + " 'import', 'spotify_extended', case when g % 2 = 0 then 'ext-" + user + "-' || g end,"
                + " 16436 + g / 480, (g / 20) % 24, case when g % 10 = 0 then 1 else 0 end, 0, 0"
                + " from generate_series(" + from + ", " + (to - 1) + ") g");
        exec("insert into " + schema + ".listen_sources (id, user_id, listen_id, listened_at, service, channel, origin,"
                + " external_id, created_at) select " + user + "::bigint * 10000000 + g, " + user + ", " + user
                + "::bigint * 10000000 + g, " + START + " + g * " + STEP + "::bigint, 'lastfm', 'import', 'lastfm_export',"
                + " 'abs-" + user + "-' || g, 0 from generate_series(" + from + ", " + (to - 1) + ") g where g % 10 = 0");
    }

    private static long id(long user, long g) {
        return user * 10_000_000 + g;
    }

    private void exec(String sql) {
        database.writeVoid(() -> database.dsl().execute(sql));
    }

    // ---------------------------------------------------------------------------------------------------------
    // SQLite

    @Test
    void sqliteUsesTheIntendedIndexesWithoutWithAndWithMisleadingStatistics() throws Exception {
        Assumptions.assumeTrue(database.kind() == DatabaseKind.SQLITE, "SQLite planner states");
        Path file = Files.createTempFile("tonearm-plans-", ".db");
        try (Connection app = TestDatabase.connect();
                Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            copySchema(app, db);
            try (Statement s = db.createStatement()) {
                // one user's 20,000 listens from a protocol channel: no external ids at all (as scrobbles have)
                s.execute("with recursive g(x) as (select 1 union all select x + 1 from g where x < 20000)"
                        + " insert into listens (id, user_id, track_id, album_id, listened_at, classification, weight,"
                        + " service, channel, origin, local_day, local_hour, merge_count, created_at, updated_at)"
                        + " select x, 1, x % 2000 + 1, x % 2000 / 10 + 1, " + START + " + x * " + STEP + ", 'FULL', 1,"
                        + " 'spotify', 'listenbrainz', 'listenbrainz', 16436, 0, 0, 0, 0 from g");
                s.execute("with recursive g(x) as (select 1 union all select x + 1 from g where x < 2000)"
                        + " insert into listen_sources (id, user_id, listen_id, listened_at, service, channel, origin,"
                        + " created_at) select x, 1, x * 10, " + START + ", 'lastfm', 'import', 'lastfm_export', 0 from g");
            }
            assertIntendedSqlitePlans(db, "no sqlite_stat1");
            try (Statement s = db.createStatement()) {
                s.execute("analyze");
            }
            assertIntendedSqlitePlans(db, "sqlite_stat1 of this data");
            try (Statement s = db.createStatement()) {
                // misleading: the album index claims a user has one listen, the time and external-id indexes
                // claim that neither user nor time nor id narrows anything
                s.execute("update sqlite_stat1 set stat = '20000 1 1' where idx = 'ix_listens_user_album'");
                s.execute("update sqlite_stat1 set stat = '20000 20000 20000 20000' where idx = 'ix_listens_user_time'");
                s.execute("update sqlite_stat1 set stat = '20000 20000 20000 20000'"
                        + " where idx = 'ix_listens_user_track_time'");
                s.execute("update sqlite_stat1 set stat = '20000 20000 20000' where idx = 'ix_listens_user_external'");
            }
        }
        // statistics are read when a connection opens the schema
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertIntendedSqlitePlans(db, "misleading sqlite_stat1");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void assertIntendedSqlitePlans(Connection db, String state) throws SQLException {
        long at = START + 10_000 * STEP;
        var dsl = database.dsl();
        for (List<long[]> windows : List.of(List.of(new long[] {at - HOUR, at + 2 * HOUR}), scattered(at, 500))) {
            List<String> plan = sqlitePlan(db, JooqListenRepository.inWindows(dsl, 1, windows));
            assertSearch(state, plan,
                    "SEARCH listens USING INDEX ix_listens_user_time (user_id=? AND listened_at>? AND listened_at<?)");
            // the windows are the outer loop: listens is searched per window, never scanned
            assertThat(plan.indexOf(plan.stream().filter(l -> l.startsWith("SEARCH listens")).findFirst().orElseThrow()))
                    .as("%s: %s", state, plan).isGreaterThan(0);
        }
        assertSearch(state, sqlitePlan(db, JooqListenRepository.byTrackInWindow(dsl, 1, List.of(1L, 2L, 3L),
                at - HOUR, at + 2 * HOUR)), "SEARCH listens USING INDEX ix_listens_user_track_time (user_id=? AND "
                        + "track_id=? AND listened_at>? AND listened_at<?)");
        assertSearch(state, sqlitePlan(db, JooqListenRepository.byExternalId(dsl, 1, List.of("a", "b", "c"))),
                "SEARCH listens USING INDEX ix_listens_user_external (user_id=? AND external_id=?)");
        List<String> absorbed = sqlitePlan(db, JooqListenRepository.byAbsorbedExternalId(dsl, 1, List.of("a", "b")));
        assertSearch(state, absorbed, "SEARCH listen_sources USING INDEX ix_listen_sources_user_external "
                + "(user_id=? AND external_id=?)");
        assertThat(absorbed).as(state).anyMatch(l -> l.startsWith("SEARCH listens USING INTEGER PRIMARY KEY"));
        assertSearch(state, sqlitePlan(db, JooqListenRepository.absorbedInto(dsl, 1, List.of(10L, 20L))),
                "SEARCH listen_sources USING INDEX ix_listen_sources_user_listen (user_id=? AND listen_id=?)");
    }

    private static void assertSearch(String state, List<String> plan, String expected) {
        assertThat(plan).as("%s: %s", state, plan).contains(expected);
        assertThat(plan).as("%s: %s", state, plan).noneMatch(l -> l.startsWith("SCAN listens"));
    }

    private static List<String> sqlitePlan(Connection db, Query query) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("explain query plan " + query.getSQL())) {
            List<Object> binds = query.getBindValues();
            for (int i = 0; i < binds.size(); i++) {
                ps.setObject(i + 1, binds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
        }
        System.out.println("QUERY PLAN (SQLITE)\n  " + query.getSQL() + "\n  " + String.join("\n  ", plan));
        return plan;
    }

    /** The real tables and indexes of listens and listen_sources, as Liquibase created them in the app's database. */
    private static void copySchema(Connection app, Connection db) throws SQLException {
        List<String> ddl = new ArrayList<>();
        try (Statement s = app.createStatement(); ResultSet rs = s.executeQuery("select sql from sqlite_master"
                + " where tbl_name in ('listens', 'listen_sources') and sql is not null order by type desc")) {
            while (rs.next()) {
                ddl.add(rs.getString(1)); // foreign keys name tables absent here: SQLite checks them only when enforced
            }
        }
        try (Statement s = db.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
        }
        assertThat(ddl).hasSizeGreaterThan(2);
    }
}
