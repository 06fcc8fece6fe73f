/**
 * Integrations: outbound clients of Spotify, Last.fm, ListenBrainz, MusicBrainz and the Cover Art Archive
 * (docs/architecture.md): the one resilient HTTP client every integration uses
 * ({@link org.tonearm.integrations.ExternalHttp}; no integration code calls HTTP any other way) and the MusicBrainz
 * enrichment of the catalog.
 *
 * <p>The flow of one call ({@code exchange(service, request, type)}), outermost first:
 * <ol>
 *   <li><b>Retry</b> — only when the request is idempotent (GET, PUT, DELETE, or a POST the caller marked
 *       {@code idempotent()}): at most 3 attempts, exponential backoff from 500 ms with ±50 % jitter, on 5xx,
 *       timeouts, refused connections and a 429 whose Retry-After is within the bound.</li>
 *   <li><b>Circuit breaker</b> (one per service) — after 5 consecutive failures it opens: calls fail at once with
 *       CIRCUIT_OPEN for 30 s, then one trial call is let through (HALF_OPEN); its success closes the breaker,
 *       its failure opens it again. 4xx answers count as the service being up.</li>
 *   <li><b>Retry-After gate</b> — after a 429 every call to that service waits until the time the service named,
 *       up to {@code max-retry-after} (60 s); a longer wait is not waited out, calls fail fast with RATE_LIMITED
 *       until it has passed.</li>
 *   <li><b>Rate limiter</b> — a steady per-service rate (MusicBrainz 1 request/s, others 50/s).</li>
 *   <li><b>Bulkhead</b> — at most 20 calls per service in flight; more wait 1 s, then fail with BUSY.</li>
 *   <li><b>RestClient</b> on the JDK HttpClient — connect timeout 2 s, read timeout 10 s, the base URL of the
 *       service from configuration, {@code User-Agent: Tonearm/<version> (+<contact>)} (MusicBrainz requires a
 *       descriptive one).</li>
 *   <li><b>Result</b> — the 2xx body converted to the caller's type; anything else one
 *       {@link org.tonearm.integrations.ExternalServiceException} (EXTERNAL_SERVICE_ERROR, 502) whose reason says
 *       why: UNAVAILABLE, TIMEOUT, RATE_LIMITED, CIRCUIT_OPEN, BUSY, REJECTED, BAD_RESPONSE.</li>
 * </ol>
 *
 * <p>MusicBrainz enrichment ({@code internal.musicbrainz.EnrichmentWorker}, only with
 * {@code tonearm.integrations.musicbrainz.enabled}; docs/api.md#enrichment), one thread per node:
 * <ol>
 *   <li>ask the catalog's {@code CatalogEnrichment.due}: it notes entries created since (PENDING) and returns the
 *       entries whose next attempt is due — the table is both the cache and the retry queue;</li>
 *   <li>per entry one MusicBrainz request, at least {@code min-interval} (≥ 1 s) after the previous one ended:
 *       a lookup by the client-submitted MBID when there is one, else a search kept only under the conservative
 *       match rule ({@code MusicBrainzMatch}); for an album found, its front image from the Cover Art Archive;</li>
 *   <li>record the outcome through the façade: DONE with what was found, NOT_FOUND (never asked again), or FAILED
 *       with the next attempt backing off; a circuit open, a 429 or a 503's Retry-After pauses the worker instead of
 *       charging the entry;</li>
 *   <li>nothing found is written over a submitted MBID: found ids live beside it, in the enrichment row.</li>
 * </ol>
 *
 * <p>Breaker states with since-when and call counters are served by ops at {@code /health/external}
 * ({@link org.tonearm.integrations.ExternalServices}); the {@code resilience4j.*} Micrometer meters carry the same,
 * tagged by service. Every figure above is a {@code tonearm.integrations.*} setting
 * ({@code internal.IntegrationsProperties}, docs/operations.md#external-services).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integrations")
package org.tonearm.integrations;
