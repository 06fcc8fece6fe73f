package org.tonearm.integrations.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After as RFC 9110 §10.2.3 allows it: delay-seconds or an HTTP-date. */
class RetryAfterTests {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void secondsAreTakenAsTheyAre() {
        assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheTimeLeftUntilThen() {
        assertThat(RetryAfter.parse("Mon, 07 Dec 2026 00:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Sun, 06 Dec 2026 23:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anAbsentOrUnreadableHeaderStillPausesBriefly() {
        assertThat(RetryAfter.parse(null, NOW)).isEqualTo(RetryAfter.WHEN_ABSENT);
        assertThat(RetryAfter.parse("soon", NOW)).isEqualTo(RetryAfter.WHEN_ABSENT);
        assertThat(RetryAfter.parse("-5", NOW)).isEqualTo(RetryAfter.WHEN_ABSENT);
    }

    @Test
    void anAbsurdNumberIsFarBeyondAnyBoundRatherThanAnError() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isGreaterThan(Duration.ofDays(365));
    }
}
