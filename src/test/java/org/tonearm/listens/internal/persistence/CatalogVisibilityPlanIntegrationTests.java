package org.tonearm.listens.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.catalog.CatalogCandidates;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.catalog.CatalogLookup;
import org.tonearm.shared.DatabaseKind;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * The catalog visibility filter stays fast on a big history: each candidate is an index probe of the listens of
 * the allowed users — (user_id, track_id) for tracks and artists (through their credits), (user_id, album_id) for
 * albums — never a scan of the listens table. SQLite's plan is checked index by index. PostgreSQL's depends on
 * statistics (on these tiny test tables it may read the few listens of the users first, which is right for them),
 * so there the check is that listens are never scanned and no correlated SubPlan re-runs per candidate — the
 * shape that took minutes on a 1M-listen table; the plans on that table are in docs/query-plans.md.
 */
class CatalogVisibilityPlanIntegrationTests extends IntegrationTestBase {

    @Autowired
    ListenQueryRepository repository;
    @Autowired
    CatalogLookup catalog;

    private String plan(CatalogCandidates candidates) {
        String sql = repository.listenedAmongQuery(List.of(1L, 2L, 3L), candidates, 20).getSQL(ParamType.INLINED);
        System.out.println("CATALOG VISIBILITY (" + database.kind() + ") " + sql);
        if (database.kind() == DatabaseKind.SQLITE) {
            return database.dsl().fetch("explain query plan " + sql).stream()
                    .map(r -> r.get("detail", String.class)).collect(Collectors.joining("\n"));
        }
        // tiny test tables make a sequential scan cheapest; forbid it to see whether an index serves the probe
        return database.read(() -> {
            database.dsl().execute("set local enable_seqscan = off");
            return database.dsl().fetch("explain " + sql).stream()
                    .map(r -> r.get(0, String.class)).collect(Collectors.joining("\n"));
        });
    }

    @Test
    void tracksAreProbedThroughTheUserTrackIndex() {
        assertProbes(plan(catalog.matching(CatalogKind.TRACK, "song")), "ix_listens_user_track_time");
    }

    @Test
    void albumsAreProbedThroughTheUserAlbumIndex() {
        assertProbes(plan(catalog.matching(CatalogKind.ALBUM, "record")), "ix_listens_user_album");
    }

    @Test
    void artistsAreProbedThroughTheirCreditsAndTheUserTrackIndex() {
        String plan = plan(catalog.matching(CatalogKind.ARTIST, "band"));
        assertProbes(plan, "ix_listens_user_track_time");
        if (database.kind() == DatabaseKind.SQLITE) {
            assertThat(plan).contains("USING COVERING INDEX ix_track_artists_artist (artist_id=?)");
        }
    }

    @Test
    void anEntityPageIsOneProbe() {
        assertProbes(plan(catalog.withId(CatalogKind.TRACK, 42)), "ix_listens_user_track_time");
    }

    private void assertProbes(String plan, String index) {
        assertThat(plan).doesNotContain("SCAN listens").doesNotContain("Seq Scan on listens");
        if (database.kind() == DatabaseKind.SQLITE) {
            assertThat(plan).contains("SEARCH listens USING COVERING INDEX " + index);
        } else {
            assertThat(plan).doesNotContain("SubPlan");
        }
    }
}
