package org.tonearm.integrations.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tonearm.integrations.ExternalService;

/**
 * {@code tonearm.integrations.*} (docs/operations.md#external-services). Every value has a default; tests and the
 * benchmark point {@code services.<key>.base-url} at local fakes.
 *
 * @param contact URL or e-mail in the User-Agent, so a service's operators can reach whoever runs this instance
 *        (MusicBrainz requires it: https://musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting)
 * @param connectTimeout longest wait for a TCP/TLS connection (2 s)
 * @param readTimeout longest wait for the response (10 s)
 * @param maxAttempts attempts of an idempotent call, the first included (3)
 * @param retryBackoff first pause between attempts; doubled each time, ±50 % jitter (500 ms)
 * @param maxRetryAfter longest 429 {@code Retry-After} Tonearm waits out; a longer one fails fast (60 s)
 * @param breakerFailures consecutive failures that open a service's breaker (5)
 * @param breakerOpenFor how long an open breaker refuses calls before one trial call (30 s)
 * @param maxConcurrentCalls bulkhead: calls in flight per service (20)
 * @param bulkheadWait how long a call waits for a bulkhead slot before failing as BUSY (1 s)
 * @param rateLimitWait how long a call waits for a rate-limiter permit (10 s)
 * @param services per service: base URL and requests per second
 */
@ConfigurationProperties("tonearm.integrations")
public record IntegrationsProperties(String contact, Duration connectTimeout, Duration readTimeout, Integer maxAttempts,
        Duration retryBackoff, Duration maxRetryAfter, Integer breakerFailures, Duration breakerOpenFor,
        Integer maxConcurrentCalls, Duration bulkheadWait, Duration rateLimitWait, Map<String, Service> services) {

    public static final String DEFAULT_CONTACT = "https://github.com/tonearm/tonearm";

    /**
     * @param baseUrl where the service's API lives (default: the real one, {@link ExternalService#defaultBaseUrl()})
     * @param requestsPerSecond steady rate Tonearm keeps to; MusicBrainz allows 1 per second per client, the others
     *        publish no fixed figure and answer 429 with Retry-After when pushed, so their default is generous (50)
     */
    public record Service(URI baseUrl, Integer requestsPerSecond) {}

    public IntegrationsProperties {
        contact = contact == null || contact.isBlank() ? DEFAULT_CONTACT : contact.strip();
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(2));
        readTimeout = positive(readTimeout, Duration.ofSeconds(10));
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 3 : maxAttempts;
        retryBackoff = positive(retryBackoff, Duration.ofMillis(500));
        maxRetryAfter = positive(maxRetryAfter, Duration.ofSeconds(60));
        breakerFailures = breakerFailures == null || breakerFailures < 1 ? 5 : breakerFailures;
        breakerOpenFor = positive(breakerOpenFor, Duration.ofSeconds(30));
        maxConcurrentCalls = maxConcurrentCalls == null || maxConcurrentCalls < 1 ? 20 : maxConcurrentCalls;
        bulkheadWait = bulkheadWait == null || bulkheadWait.isNegative() ? Duration.ofSeconds(1) : bulkheadWait;
        rateLimitWait = rateLimitWait == null || rateLimitWait.isNegative() ? Duration.ofSeconds(10) : rateLimitWait;
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /** Defaults everywhere: the real services. */
    public static IntegrationsProperties defaults() {
        return new IntegrationsProperties(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public URI baseUrl(ExternalService service) {
        Service s = services.get(service.key());
        return s != null && s.baseUrl() != null ? s.baseUrl() : URI.create(service.defaultBaseUrl());
    }

    public int requestsPerSecond(ExternalService service) {
        Service s = services.get(service.key());
        if (s != null && s.requestsPerSecond() != null && s.requestsPerSecond() > 0) {
            return s.requestsPerSecond();
        }
        return service == ExternalService.MUSICBRAINZ ? 1 : 50;
    }

    /**
     * These properties with {@code service}'s base URL replaced (when {@code baseUrl} is non-null): the Spotify
     * settings {@code tonearm.integrations.spotify.api-base-url}/{@code accounts-base-url} land here.
     */
    public IntegrationsProperties withBaseUrl(ExternalService service, URI baseUrl) {
        if (baseUrl == null) {
            return this;
        }
        Map<String, Service> more = new java.util.HashMap<>(services);
        Service old = more.get(service.key());
        more.put(service.key(), new Service(baseUrl, old == null ? null : old.requestsPerSecond()));
        return new IntegrationsProperties(contact, connectTimeout, readTimeout, maxAttempts, retryBackoff, maxRetryAfter,
                breakerFailures, breakerOpenFor, maxConcurrentCalls, bulkheadWait, rateLimitWait, more);
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
