package org.tonearm.integrations.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's throughput (issue 13 item 8): a node must be able to run more than {@code concurrency} syncs per
 * {@code poll-interval} when more are due, or 1,000 Spotify users polled every 30 s (33/s) fall behind at the default
 * 16 slots and 1 s rounds. The store is a stand-in holding a queue of due connections (the claim SQL is covered by
 * the connection store's integration tests); the rounds, slots and workers are the real ones.
 */
class ConnectionSchedulerTests {

    private static final Duration ROUND = Duration.ofSeconds(2);

    @Test
    void a_freed_slot_starts_the_next_due_connection_without_waiting_for_the_next_round() throws Exception {
        int due = 12;
        int concurrency = 2;
        Deque<Connection> queue = new ArrayDeque<>();
        for (int i = 1; i <= due; i++) {
            queue.add(connection(i));
        }
        ConnectionStore store = mock(ConnectionStore.class);
        when(store.claimDue(eq("fake"), anyLong(), anyLong(), anyInt())).thenAnswer(call -> {
            int limit = call.getArgument(3);
            List<Connection> claimed = new ArrayList<>();
            synchronized (queue) {
                while (claimed.size() < limit && !queue.isEmpty()) {
                    claimed.add(queue.poll());
                }
            }
            return claimed;
        });
        when(store.succeeded(any(), anyString(), any(), anyLong(), any())).thenReturn(true);
        Set<Long> synced = ConcurrentHashMap.newKeySet();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        ConnectionProvider provider = new ConnectionProvider() {
            @Override
            public String service() {
                return "fake";
            }

            @Override
            public ConnectResult connect(long userId, ConnectRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SyncStep sync(Connection connection) {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20); // a poll's HTTP call and commit
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
                synced.add(connection.id());
                return new SyncStep("c", null, 0, 0, Duration.ofSeconds(30));
            }
        };
        ConnectionScheduler scheduler = new ConnectionScheduler(store,
                new ConnectionsProperties(true, ROUND, Duration.ofMinutes(2), concurrency, Duration.ofSeconds(30)),
                List.of(provider), Clock.systemUTC());
        long started = System.nanoTime();
        scheduler.start();
        try {
            // the first round comes after one poll-interval; one round per interval would need due/concurrency = 6
            // rounds (12 s); freed slots pulling the next ones finish all within the first round plus the syncs' time
            long deadline = started + ROUND.toNanos() + Duration.ofSeconds(5).toNanos();
            while (synced.size() < due && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            scheduler.stop();
        }
        assertThat(synced).as("connections synced within one round + 5 s").hasSize(due);
        assertThat(mostInFlight.get()).as("syncs in flight at once").isLessThanOrEqualTo(concurrency);
    }

    private static Connection connection(long id) {
        return new Connection(id, id, "fake", null, null, ConnectionStatus.ACTIVE, true, false, null, null, null, 0L,
                Long.MAX_VALUE, null, null, 0L, 0L);
    }
}
