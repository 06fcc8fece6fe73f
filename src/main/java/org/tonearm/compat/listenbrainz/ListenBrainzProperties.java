package org.tonearm.compat.listenbrainz;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits of the ListenBrainz API (environment: {@code TONEARM_COMPAT_LISTENBRAINZ_PER_TOKEN_LIMIT}, …).
 * ListenBrainz counts requests in fixed windows of 10 s: 50 per valid token, 30 per IP without one
 * (brainzutils ratelimit defaults). Tonearm keeps the window and the header semantics but defaults to more
 * requests, since a self-hosted instance serves few users and an import tool should not crawl at
 * listenbrainz.org's pace; operators can set ListenBrainz's own numbers.
 *
 * @param perTokenLimit requests per window for a caller with a valid token (default 200)
 * @param perIpLimit    requests per window per IP address without a valid token (default 100)
 * @param windowSeconds the window length in seconds (default 10)
 */
@ConfigurationProperties("tonearm.compat.listenbrainz")
record ListenBrainzProperties(Integer perTokenLimit, Integer perIpLimit, Integer windowSeconds) {

    ListenBrainzProperties {
        perTokenLimit = perTokenLimit == null ? 200 : perTokenLimit;
        perIpLimit = perIpLimit == null ? 100 : perIpLimit;
        windowSeconds = windowSeconds == null || windowSeconds < 1 ? 10 : windowSeconds;
    }
}
