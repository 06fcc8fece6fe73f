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
    void aBatchOfManyTracksInAFewWindowsGetsOnlyItsTracksInsideThem() {
        long user = TestUsers.create(database, "UTC");
        // 40 tracks, each played once at noon on its own day
        List<IncomingListen> history = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            history.add(listen(user, "Track " + d, T0 + d * DAY));
        }
        listens.ingestBatch(history);
        List<Long> tracks = database.dsl().select(LISTENS.TRACK_ID).from(LISTENS).where(LISTENS.USER_ID.eq(user))
                .orderBy(LISTENS.LISTENED_AT).fetch(LISTENS.TRACK_ID);

        // the batch: 35 of the tracks (more than the few looked up per track), two windows: days 0–2 and day 39.
        // Day 1's track is not among them; day 3 lies just outside the first window
        List<Long> batchTracks = new ArrayList<>(tracks.subList(2, 37));
        batchTracks.add(tracks.get(0));
        batchTracks.add(tracks.get(39));
        List<long[]> windows = List.of(new long[] {T0, T0 + 3 * DAY - 1}, new long[] {T0 + 39 * DAY, T0 + 39 * DAY});

        List<WorkingListen> found = database.write(() -> repository.candidates(user, batchTracks, windows, List.of()));

        assertThat(found).extracting(l -> l.primary().listenedAt())
                .containsExactlyInAnyOrder(T0, T0 + 2 * DAY, T0 + 39 * DAY);
    }

    @Test
    void moreWindowsThanOneStatementTakesAreAllAsked() {
        long user = TestUsers.create(database, "UTC");
        // one track every hour for 1,001 hours; the batch's 1,001 one-minute windows start at every other hour's
        // listen, so each of the three statements (500, 500 and 1 windows) has listens at its first and last window
        List<IncomingListen> history = new ArrayList<>();
        long hour = 3_600_000L;
        for (int h = 0; h < 2_002; h++) {
            history.add(listen(user, "Hourly Track", T0 + h * hour));
        }
        listens.ingestBatch(history);
        long track = database.dsl().select(LISTENS.TRACK_ID).from(LISTENS).where(LISTENS.USER_ID.eq(user))
                .limit(1).fetchOne(LISTENS.TRACK_ID);
        List<long[]> windows = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            windows.add(new long[] {T0 + 2 * i * hour, T0 + 2 * i * hour + 60_000});
        }

        List<WorkingListen> found = database.write(() -> repository.candidates(user, List.of(track), windows,
                List.of()));

        assertThat(found).hasSize(1_001);
        assertThat(found).extracting(l -> l.primary().listenedAt())
                .contains(T0, T0 + 998 * hour, T0 + 1_000 * hour, T0 + 2_000 * hour)
                .doesNotContain(T0 + hour, T0 + 2_001 * hour);
    }

    private static IncomingListen listen(long user, String title, long at) {
        return new IncomingListen(user, new TrackCredit("Window Artist", List.of(), title, null, 180_000L,
                Identifiers.NONE), at, TimeStamp.START, 180_000L, Service.OTHER, Channel.NATIVE_API, null, "native",
                null, null, null);
    }
}
