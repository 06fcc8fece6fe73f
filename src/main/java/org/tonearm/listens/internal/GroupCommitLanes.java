package org.tonearm.listens.internal;

import java.util.List;
import java.util.function.Function;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;

/**
 * Group commit in lanes: a batch goes to the lane of its (smallest) user, and each lane is a {@link GroupCommitter}
 * of its own, so batches of users in different lanes are written in concurrent transactions (issue #19 item 4).
 *
 * <p>Why this is safe: deduplication is exact per user because every ingest transaction locks its users first
 * ({@code Database.lockUser}, ordered by id: PostgreSQL advisory locks, so no deadlock between lanes), not because
 * of the committer. The committer only saves commits. One lane is the old behaviour and what SQLite gets: its one
 * writer serializes every write transaction anyway. On PostgreSQL, half the pool writes in parallel and the other
 * half stays for reads and the writers outside the funnel; the concurrent callers of one lane (the scrobbles of
 * many users of a big instance) still share transactions.
 */
final class GroupCommitLanes {

    private final GroupCommitter[] lanes;

    GroupCommitLanes(int count, Function<List<IncomingListen>, List<IngestResult>> transaction, int maxListens) {
        if (count < 1) {
            throw new IllegalArgumentException("lanes: " + count);
        }
        lanes = new GroupCommitter[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = new GroupCommitter(transaction, maxListens);
        }
    }

    int count() {
        return lanes.length;
    }

    List<IngestResult> submit(List<IncomingListen> batch) {
        long user = batch.getFirst().userId();
        for (IncomingListen listen : batch) {
            user = Math.min(user, listen.userId());
        }
        // ids are handed out in sequence, so consecutive users fall into different lanes
        return lanes[(int) Math.floorMod(user, (long) lanes.length)].submit(batch);
    }
}
