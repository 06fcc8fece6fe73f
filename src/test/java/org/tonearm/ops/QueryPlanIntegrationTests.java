package org.tonearm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.LISTENS;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tonearm.listens.internal.persistence.JooqListenRepository;
import org.tonearm.shared.DatabaseKind;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * Evidence that the listens indexes serve the two hot queries as index range scans (issue: "indexes make
 * 'a user's listens in a time range, newest first' and the deduplication lookup index range scans"):
 * the planner is asked with EXPLAIN after a realistic amount of data was loaded and ANALYZEd, so it picks
 * the index on its own (no {@code enable_seqscan = off}). The captured plans are in docs/query-plans.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanIntegrationTests extends IntegrationTestBase {

    private ListenPlanFixture.Loaded data;

    @BeforeAll
    void loadListensAndAnalyze() {
        data = database.write(() -> ListenPlanFixture.load(database.dsl()));
        // ANALYZE writes statistics (SQLite: sqlite_stat1), so it takes the writer path like any write
        database.writeVoid(() -> ListenPlanFixture.analyze(database.dsl(), database.kind()));
    }

    /** The listens page: one user, a time range, newest first, keyset tie-break on id (docs/api.md#listing-and-editing, #listen-shapes). */
    private ResultQuery<?> listensInRangeNewestFirst() {
        return database.dsl().selectFrom(LISTENS)
                .where(LISTENS.USER_ID.eq(data.userId()))
                .and(LISTENS.LISTENED_AT.ge(data.from()))
                .and(LISTENS.LISTENED_AT.lt(data.to()))
                .orderBy(LISTENS.LISTENED_AT.desc(), LISTENS.ID.desc())
                .limit(50);
    }

    /** The deduplication candidates of a batch: same user, the batch's tracks, its time span ± the window. */
    private ResultQuery<?> deduplicationCandidates() {
        return JooqListenRepository.byTrackInWindow(database.dsl(), data.userId(), data.batchTrackIds(), data.from(),
                data.to());
    }

    @Test
    void listensInATimeRangeNewestFirstWalkTheUserTimeIndexWithoutSorting() {
        List<String> plan = explain(listensInRangeNewestFirst());

        if (database.kind() == DatabaseKind.SQLITE) {
            assertThat(plan).anyMatch(line -> line.startsWith("SEARCH listens USING INDEX ix_listens_user_time"));
            assertThat(plan).noneMatch(line -> line.contains("TEMP B-TREE"));
        } else {
            assertThat(plan).anyMatch(line -> line.contains("Index Scan Backward using ix_listens_user_time on listens"));
            assertThat(plan).noneMatch(line -> line.contains("Sort"));
        }
    }

    @Test
    void deduplicationLookupRangeScansTheUserTrackTimeIndex() {
        List<String> plan = explain(deduplicationCandidates());

        if (database.kind() == DatabaseKind.SQLITE) {
            assertThat(plan).anyMatch(line -> line.startsWith("SEARCH listens USING INDEX ix_listens_user_track_time"));
        } else {
            assertThat(plan).anyMatch(line -> line.matches(".*(Index Scan|Index Only Scan|Bitmap Index Scan)"
                    + "( Backward)? (using|on) ix_listens_user_track_time.*"));
            assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
        }
    }

    @Test
    void deduplicationWindowRangeScansTheUserTimeIndex() {
        // a batch of one stretch of history: its candidates are one range of the user's timeline
        List<String> plan = explain(JooqListenRepository.inWindows(database.dsl(), data.userId(),
                java.util.List.of(new long[] {data.from(), data.from() + 3 * 3_600_000L})));

        if (database.kind() == DatabaseKind.SQLITE) {
            assertThat(plan).anyMatch(line -> line.startsWith("SEARCH listens USING INDEX ix_listens_user_time"));
        } else {
            assertThat(plan).anyMatch(line -> line.matches(".*(Index Scan|Bitmap Index Scan).* ix_listens_user_time.*"));
            assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
        }
    }

    @Test
    void externalIdLookupsUseTheirIndexesInsteadOfReadingTheUsersHistory() {
        // an import row always carries an external id: these two run for every imported batch
        List<String> own = explain(JooqListenRepository.byExternalId(database.dsl(), data.userId(),
                data.batchExternalIds()));
        List<String> absorbed = explain(JooqListenRepository.byAbsorbedExternalId(database.dsl(), data.userId(),
                data.absorbedExternalIds()));

        if (database.kind() == DatabaseKind.SQLITE) {
            assertThat(own).anyMatch(line -> line.startsWith("SEARCH listens USING INDEX ix_listens_user_external"));
            assertThat(absorbed).anyMatch(line -> line.contains("USING INDEX ix_listen_sources_user_external"));
            assertThat(absorbed).anyMatch(line -> line.startsWith("SEARCH listens USING INTEGER PRIMARY KEY"));
            assertThat(own).noneMatch(line -> line.startsWith("SCAN listens"));
            assertThat(absorbed).noneMatch(line -> line.startsWith("SCAN listens"));
        } else {
            assertThat(own).anyMatch(line -> line.contains("ix_listens_user_external"));
            assertThat(absorbed).anyMatch(line -> line.contains("ix_listen_sources_user_external"));
            assertThat(own).noneMatch(line -> line.contains("Seq Scan"));
            assertThat(absorbed).noneMatch(line -> line.contains("Seq Scan on listens"));
        }
        assertThat(JooqListenRepository.byExternalId(database.dsl(), data.userId(), data.batchExternalIds()).fetch())
                .hasSize(3);
        assertThat(JooqListenRepository.byAbsorbedExternalId(database.dsl(), data.userId(), data.absorbedExternalIds())
                .fetch()).hasSize(2);
        // the funnel renders these once per list length and binds the user first, then the ids
        assertThat(JooqListenRepository.byExternalId(database.dsl(), 7L, List.of("a", "b")).getBindValues())
                .containsExactly(7L, "a", "b");
        assertThat(JooqListenRepository.byAbsorbedExternalId(database.dsl(), 7L, List.of("a", "b")).getBindValues())
                .containsExactly(7L, "a", "b");
    }

    @Test
    void bothQueriesReturnTheRowsTheyAskFor() {
        // the plans above are only evidence if the queries are the real ones: they find the seeded rows
        var page = listensInRangeNewestFirst().fetch();
        assertThat(page).hasSize(50);
        assertThat(page.getValues(LISTENS.LISTENED_AT)).isSortedAccordingTo((a, b) -> Long.compare((Long) b, (Long) a));
        assertThat(page.getValues(LISTENS.USER_ID)).containsOnly(data.userId());
        assertThat(deduplicationCandidates().fetch().getValues(LISTENS.TRACK_ID))
                .isNotEmpty().allMatch(data.batchTrackIds()::contains);
    }

    /** The plan as the database prints it, one line per node, printed so docs/query-plans.md can quote it. */
    private List<String> explain(Query query) {
        DSLContext dsl = database.dsl();
        String sql = query.getSQL();
        Object[] binds = query.getBindValues().toArray();
        List<String> plan = database.kind() == DatabaseKind.SQLITE
                ? dsl.fetch("explain query plan " + sql, binds).getValues("detail", String.class)
                : dsl.fetch("explain " + sql, binds).getValues(0, String.class);
        System.out.println("QUERY PLAN (" + database.kind() + ")\n  " + sql + "\n  binds " + List.of(binds)
                + "\n  " + String.join("\n  ", plan));
        return plan;
    }
}
