/**
 * Integrations: outbound clients of Spotify, Last.fm, ListenBrainz, MusicBrainz and the Cover Art Archive
 * (docs/architecture.md). Every one calls HTTP through the one resilient client
 * ({@link org.tonearm.integrations.ExternalHttp}) and no other way: users' connections (below) and the MusicBrainz
 * enrichment of the catalog ({@code internal.musicbrainz}).
 *
 * <h2>Connections: how a provider plugs in (issue 13)</h2>
 * A user's link to a service is one row of {@code integration_connections} (unique per user and service). The API
 * ({@code /api/v1/connections}, docs/api.md#connections) and the web page go through the façade
 * {@link org.tonearm.integrations.Connections} ({@code ConnectionView}, {@code ConnectOutcome}); everything else is in
 * {@code internal.connection}:
 * <ul>
 *   <li><b>{@code ConnectionProvider}</b> (the SPI) — a Spring {@code @Component} in its own package
 *       ({@code internal.spotify}, {@code internal.lastfm}, {@code internal.listenbrainz}) implementing
 *       {@code service()} (the name in URLs and the table: "spotify", "lastfm", "listenbrainz"), {@code available()}
 *       (operator configured it), {@code connect(userId, ConnectRequest)} → {@code ConnectResult.Connected} (stored by
 *       the façade, secrets sealed) or {@code ConnectResult.Redirect} (OAuth; then {@code callback(userId, params)}
 *       → {@code Connected}), {@code sync(Connection)} → {@code SyncStep}, {@code disconnect(Connection)}. Being a
 *       bean is the registration: the façade and the scheduler collect every {@code ConnectionProvider}.</li>
 *   <li><b>{@code sync}</b> is ONE idempotent step (a poll, or one backfill page): ingest the plays through
 *       {@code ListenService.ingestBatch} with {@code Channel.SYNC}, {@code Service} of where they were played, and an
 *       {@code origin} naming the provider's feed (e.g. "spotify_recently_played") so that feeds of different
 *       providers are different sources for deduplication; then RETURN the new cursor and backfill JSON in
 *       {@code SyncStep} — the scheduler stores them after the step (listens committed first, docs/api.md#connections).
 *       Give each play a stable {@code external_id} so a repeated step is dropped by the funnel. {@code nextIn}:
 *       {@code Duration.ZERO} while backfill pages remain, else the poll interval.</li>
 *   <li><b>Failures</b>: throw {@code ReauthorizationRequired} when the service refuses the stored credentials for
 *       good (status needs_reauth, not scheduled again until the user reconnects); let
 *       {@link org.tonearm.integrations.ExternalServiceException} through (status error, retried after 30 s or the
 *       service's Retry-After). The scheduler records last_sync_at, next_sync_at, last_error, status.</li>
 *   <li><b>{@code ConnectionStore}</b> — the table's repository: {@code credentials(connection)} opens the sealed
 *       secrets, {@code replaceCredentials(id, plaintext, now)} seals and stores new ones at once (refreshed tokens).
 *       Secrets are sealed with {@code TokenCipher} (AES-256-GCM; key {@code tonearm.integrations.encryption-key} or
 *       {@code <data-dir>/integrations.key}). {@code OAuthStates} does the state + PKCE part of an OAuth flow.</li>
 *   <li><b>{@code ConnectionScheduler}</b> — every {@code tonearm.integrations.connections.poll-interval} claims the
 *       due rows ({@code next_sync_at <= now}) of each service, up to its free slots ({@code concurrency} per service,
 *       so one slow service never blocks another; FOR UPDATE SKIP LOCKED + a lease in {@code claimed_until}, so one
 *       node runs each), runs {@code sync} on virtual threads and records the outcome.</li>
 * </ul>
 *
 * <h2>The outbound client</h2>
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
