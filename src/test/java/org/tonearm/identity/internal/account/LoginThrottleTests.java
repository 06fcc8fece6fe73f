package org.tonearm.identity.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tonearm.shared.RateLimitedException;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fourFailuresDoNotLockTheFifthDoesForThirtyMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("ann");
        }
        throttle.checkNotLocked("ann");

        throttle.recordFailure("ann");

        assertThatThrownBy(() -> throttle.checkNotLocked("ann")).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(30 * 60));
        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThatThrownBy(() -> throttle.checkNotLocked("ann")).isInstanceOf(RateLimitedException.class);
        clock.advance(Duration.ofSeconds(1));
        throttle.checkNotLocked("ann");
    }

    @Test
    void failuresOlderThanFifteenMinutesNoLongerCount() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("bob");
        }
        clock.advance(Duration.ofMinutes(15));

        throttle.recordFailure("bob");

        throttle.checkNotLocked("bob");
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("cat");
        }
        throttle.recordSuccess("cat");
        throttle.recordFailure("cat");

        throttle.checkNotLocked("cat");
    }

    @Test
    void accountsAreCountedSeparately() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("dan");
        }
        throttle.checkNotLocked("eve");
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
