package org.tonearm.imports.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.imports.RestoredListen;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListensProperties;
import org.tonearm.listens.Service;

/** Which restored listens may share a batch: only those that cannot trade reports (docs/api.md#deduplication windows). */
class ReplayConflictsTests {

    private static final long MINUTE = 60_000;
    private final ReplayConflicts conflicts = new ReplayConflicts(ListensProperties.defaults());

    @Test
    void theSameTitleWithinTheDeduplicationReachWaitsForTheNextBatch() {
        conflicts.add(listen("Airbag", 0, 284_000L));

        assertThat(conflicts.touches(listen("Airbag", 4 * MINUTE, 284_000L))).isTrue();
        assertThat(conflicts.touches(listen("AIRBAG ", 9 * MINUTE, 284_000L))).as("same title key").isTrue();
        assertThat(conflicts.touches(listen("Lucky", 1 * MINUTE, 284_000L))).isFalse();
        assertThat(conflicts.touches(listen("Airbag", 60 * MINUTE, 284_000L))).isFalse();
    }

    @Test
    void anAbsorbedReportReachesAsFarAsTheListenItself() {
        conflicts.add(listen("Airbag", 0, null));

        assertThat(conflicts.touches(listen("Airbag", 30 * MINUTE, null))).isFalse();
        assertThat(conflicts.touches(new RestoredListen(report(30 * MINUTE), List.of(report(20 * MINUTE))))).isFalse();
        assertThat(conflicts.touches(new RestoredListen(report(30 * MINUTE), List.of(report(5 * MINUTE))))).isTrue();
    }

    @Test
    void aNewBatchStartsWithNothingToTouch() {
        conflicts.add(listen("Airbag", 0, 284_000L));
        conflicts.clear();

        assertThat(conflicts.touches(listen("Airbag", MINUTE, 284_000L))).isFalse();
    }

    private static RestoredListen listen(String title, long at, Long length) {
        return new RestoredListen(new IncomingListen(1, new TrackCredit("Radiohead", List.of(), title, null, length,
                null), at, null, null, Service.SPOTIFY, Channel.NATIVE_API, null, null, null, null, null), List.of());
    }

    private static IncomingListen report(long at) {
        return listen("Airbag", at, null).primary();
    }
}
