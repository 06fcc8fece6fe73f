package org.tonearm.listens.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.LISTENS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;
import org.tonearm.listens.internal.dedup.WorkingListen;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.TestUsers;

/**
 * The deduplication candidates of a batch scattered over many time windows are the stored listens of its tracks
 * inside those windows — not every play of those tracks across the batch's span, which for a sparse batch through a
 * dense history exhausted a 256 MB heap (issue #19 item 2). Window edges are inclusive (TimeWindows.around).
 */
class CandidateLookupIntegrationTests extends IntegrationTestBase {

    private static final long DAY = 86_400_000L;
    private static final long T0 = 1_700_000_000_000L;

    @Autowired
    ListenService listens;

    @Autowired
    JooqListenRepository repository;

    @Test
    void aBatchOverManyWindowsGetsOnlyTheListensInsideThem() {
        long user = TestUsers.create(database, "UTC");
        // one track played every day for 40 days at noon
        List<IncomingListen> history = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            history.add(new IncomingListen(user, new TrackCredit("Window Artist", List.of(), "Daily Track", null,
                    180_000L, Identifiers.NONE), T0 + d * DAY, TimeStamp.START, 180_000L, Service.OTHER,
                    Channel.NATIVE_API, null, "native", null, null, null));
        }
        listens.ingestBatch(history);
        long track = database.dsl().select(LISTENS.TRACK_ID).from(LISTENS).where(LISTENS.USER_ID.eq(user))
                .limit(1).fetchOne(LISTENS.TRACK_ID);

        // 20 one-minute windows (more than the per-window queries): every other day, the first ends exactly at a
        // stored listen, the second starts exactly at one, the rest lie an hour away from any
        List<long[]> windows = new ArrayList<>();
        windows.add(new long[] {T0 - 60_000, T0});
        windows.add(new long[] {T0 + 2 * DAY, T0 + 2 * DAY + 60_000});
        for (int d = 4; d < 40; d += 2) {
            windows.add(new long[] {T0 + d * DAY + 3_600_000, T0 + d * DAY + 3_660_000});
        }

        List<WorkingListen> found = database.write(() -> repository.candidates(user, List.of(track), windows,
                List.of()));

        assertThat(found).extracting(l -> l.primary().listenedAt()).containsExactlyInAnyOrder(T0, T0 + 2 * DAY);
    }

    @Test
    void windowEdgesAreInclusive() {
        List<long[]> windows = List.of(new long[] {10, 20}, new long[] {30, 40}, new long[] {50, 50});
        assertThat(JooqListenRepository.inAnyWindow(windows, 9)).isFalse();
        assertThat(JooqListenRepository.inAnyWindow(windows, 10)).isTrue();
        assertThat(JooqListenRepository.inAnyWindow(windows, 20)).isTrue();
        assertThat(JooqListenRepository.inAnyWindow(windows, 21)).isFalse();
        assertThat(JooqListenRepository.inAnyWindow(windows, 29)).isFalse();
        assertThat(JooqListenRepository.inAnyWindow(windows, 40)).isTrue();
        assertThat(JooqListenRepository.inAnyWindow(windows, 50)).isTrue();
        assertThat(JooqListenRepository.inAnyWindow(windows, 51)).isFalse();
        assertThat(JooqListenRepository.inAnyWindow(List.of(), 10)).isFalse();
    }
}
