package org.tonearm.listens.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.listens.internal.persistence.ListenFilter.Position;
import org.tonearm.shared.DatabaseKind;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * The listing stays a bounded backward range scan of ix_listens_user_time (user_id, listened_at, id) with
 * no sort step, whatever the filters: pages deep into years of history cost the same as page one.
 */
class ListenQueryPlanIntegrationTests extends IntegrationTestBase {

    @Autowired
    ListenQueryRepository repository;

    private static ListenFilter filter(Position after, Long artistId, String q, Long trackId) {
        return new ListenFilter(1, 0L, 2_000_000_000_000L, after, artistId, null, null, null, trackId, null,
                "spotify", q, 50);
    }

    private String plan(ListenFilter filter) {
        String sql = repository.pageQuery(filter).getSQL(ParamType.INLINED);
        if (database.kind() == DatabaseKind.SQLITE) {
            return database.dsl().fetch("explain query plan " + sql).stream()
                    .map(r -> r.get("detail", String.class)).collect(Collectors.joining("\n"));
        }
        // tiny test tables make a sequential scan cheapest; forbid the alternatives to see whether the
        // index can serve the filter and the order on its own
        return database.read(() -> {
            database.dsl().execute("set local enable_seqscan = off");
            database.dsl().execute("set local enable_sort = off");
            database.dsl().execute("set local enable_incremental_sort = off");
            return database.dsl().fetch("explain " + sql).stream()
                    .map(r -> r.get(0, String.class)).collect(Collectors.joining("\n"));
        });
    }

    @Test
    void pageOneIsARangeScanOfTheTimeIndexWithoutSorting() {
        assertIndexScanWithoutSort(plan(filter(null, null, null, null)));
    }

    @Test
    void laterPagesAndFiltersKeepTheSameScan() {
        for (ListenFilter f : List.of(filter(new Position(1_700_000_000_000L, 42), null, null, null),
                filter(null, 7L, null, null), filter(null, null, "abc", null), filter(null, null, null, 9L))) {
            assertIndexScanWithoutSort(plan(f));
        }
    }

    private static void assertIndexScanWithoutSort(String plan) {
        assertThat(plan).contains("ix_listens_user_time");
        assertThat(plan).doesNotContainIgnoringCase("TEMP B-TREE FOR ORDER BY").doesNotContain("Sort  (");
    }
}
