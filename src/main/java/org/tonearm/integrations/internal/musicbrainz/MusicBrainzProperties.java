package org.tonearm.integrations.internal.musicbrainz;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tonearm.integrations.internal.IntegrationsProperties;

/**
 * {@code tonearm.integrations.musicbrainz.*} (docs/operations.md#musicbrainz-enrichment).
 *
 * @param enabled run the background enrichment (default false: it sends the catalog's artist and title names to
 *        musicbrainz.org, which an operator should choose; tests turn it on against WireMock)
 * @param userAgentContact URL or e-mail in {@code User-Agent: Tonearm/<version> ( contact )}, so MusicBrainz's
 *        operators can reach whoever runs this instance (https://musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting)
 * @param apiBaseUrl where the MusicBrainz API lives (application.yaml passes it to the resilient client as
 *        {@code services.musicbrainz.base-url}); tests point it at WireMock
 * @param minInterval least time from the end of one MusicBrainz request to the start of the next: MusicBrainz allows
 *        one request per second per client (same page); never below 1 s, except for an {@code apiBaseUrl} on this
 *        machine (localhost, 127.0.0.0/8, [::1] named literally: a local mirror or a test double, which that limit does
 *        not cover; tests shorten the pace so, and one test keeps the real one)
 * @param idlePoll how long the worker sleeps when nothing is due (5 s)
 * @param retryBackoff wait after an entry's first failed lookup, doubled per further failure up to one day (1 min)
 * @param maxAttempts failed lookups after which an entry is left FAILED for good (8)
 */
@ConfigurationProperties("tonearm.integrations.musicbrainz")
public record MusicBrainzProperties(Boolean enabled, String userAgentContact, URI apiBaseUrl, Duration minInterval,
        Duration idlePoll, Duration retryBackoff, Integer maxAttempts) {

    static final Duration MB_LIMIT = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofDays(1);

    public MusicBrainzProperties {
        enabled = enabled != null && enabled;
        userAgentContact = userAgentContact == null || userAgentContact.isBlank()
                ? IntegrationsProperties.DEFAULT_CONTACT : userAgentContact.strip();
        Duration floor = loopback(apiBaseUrl) ? Duration.ZERO : MB_LIMIT;
        minInterval = minInterval == null || minInterval.compareTo(floor) < 0 ? MB_LIMIT : minInterval;
        idlePoll = idlePoll == null || idlePoll.isNegative() || idlePoll.isZero() ? Duration.ofSeconds(5) : idlePoll;
        retryBackoff = retryBackoff == null || retryBackoff.isNegative() || retryBackoff.isZero()
                ? Duration.ofMinutes(1) : retryBackoff;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 8 : maxAttempts;
    }

    /** Whether {@code url} names this machine literally: no name is resolved (a name could point anywhere), localhost
     *  is loopback by definition (RFC 6761 §6.3). */
    static boolean loopback(URI url) {
        String host = url == null ? null : url.getHost();
        return host != null && (host.equalsIgnoreCase("localhost") || host.equals("[::1]")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"));
    }

    /** The wait after the {@code attempts}-th failure: backoff × 2^(attempts − 1), at most a day. */
    Duration backoff(int attempts) {
        Duration wait = retryBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
