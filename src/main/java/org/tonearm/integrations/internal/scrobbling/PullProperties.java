package org.tonearm.integrations.internal.scrobbling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.integrations.pull.*} (docs/operations.md#external-services): pulling Last.fm and ListenBrainz.
 *
 * @param interval the wait between two polls for new plays once the history is in (5 min)
 * @param lookBack how far before the newest play already seen each poll reads again (1 h): a scrobble an offline
 *        player submits late carries its past timestamp; the funnel drops the plays read twice as duplicates
 */
@ConfigurationProperties("tonearm.integrations.pull")
public record PullProperties(Duration interval, Duration lookBack) {

    public PullProperties {
        interval = interval == null || interval.isNegative() || interval.isZero() ? Duration.ofMinutes(5) : interval;
        lookBack = lookBack == null || lookBack.isNegative() ? Duration.ofHours(1) : lookBack;
    }
}
