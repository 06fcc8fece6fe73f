package org.tonearm.ops.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

/** Issue #16 item 2: a health check answers in bounded time whatever its dependency does. */
class BoundedCheckTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T20:00:00Z"), ZoneOffset.UTC);

    @Test
    void aHungCheckIsDownWithinTheTimeoutAndNamesTheLastSuccess() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> hang = new AtomicReference<>(false);
        BoundedCheck check = new BoundedCheck(() -> {
            if (hang.get()) {
                await(release);
            }
            return Health.up().build();
        }, Duration.ofMillis(200), CLOCK);
        assertThat(HealthReport.status(check.health())).isEqualTo("UP");

        hang.set(true);
        long start = System.nanoTime();
        Health down = check.health();
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(HealthReport.status(down)).isEqualTo("DOWN");
        assertThat(ms).isBetween(150L, 2_000L);
        assertThat(down.getDetails()).containsEntry("reason", "no answer within 200 ms")
                .containsEntry("last_success", "2026-12-06T20:00:00Z");

        hang.set(false);
        release.countDown();
        Thread.sleep(50);
        assertThat(HealthReport.status(check.health())).as("UP again by itself").isEqualTo("UP");
    }

    @Test
    void aCheckThatNeverSucceededSaysSoAndAFailingCheckKeepsItsOwnReason() {
        BoundedCheck check = new BoundedCheck(() -> Health.down().withDetail("reason", "connection refused").build(),
                Duration.ofSeconds(1), CLOCK);

        Health down = check.health();

        assertThat(down.getDetails()).containsEntry("reason", "connection refused").containsEntry("last_success", null);
    }

    @Test
    void aThrowingCheckIsDown() {
        BoundedCheck check = new BoundedCheck(() -> {
            throw new IllegalStateException("boom");
        }, Duration.ofSeconds(1), CLOCK);

        assertThat(check.health().getDetails()).containsEntry("error", "IllegalStateException");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
