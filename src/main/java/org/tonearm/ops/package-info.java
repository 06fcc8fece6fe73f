/**
 * Operations: health endpoints (docs/api.md#health); later metrics, feature flags, cluster locks and the CLI.
 *
 * <p>Health is built on Spring Boot's health machinery: each check is a {@code HealthIndicator} bean
 * (so it also shows up under {@code /actuator/health}), liveness and readiness come from Boot's
 * {@code ApplicationAvailability}. The public paths and JSON shapes are ours (docs/api.md#conventions), served by
 * {@code internal.web.HealthController}:
 * <ul>
 *   <li>{@code /health} — every component; 503 when any is DOWN</li>
 *   <li>{@code /health/live} — the process is alive (UP until shutdown starts)</li>
 *   <li>{@code /health/ready} — the database answers and Liquibase has run</li>
 *   <li>{@code /health/db} — the database with the round-trip time of {@code select 1}</li>
 *   <li>{@code /health/external} — each external service's circuit breaker (integrations' {@code ExternalServices}):
 *       DOWN while not CLOSED, with since-when; on {@code /health} only an always-UP "external" component naming the
 *       degraded services, because Tonearm keeps serving while Spotify is down</li>
 * </ul>
 *
 * <p>Under faults (issue #16) every dependency check is a {@code BoundedCheck}: it runs on its own virtual thread
 * and is reported DOWN after {@code tonearm.health.timeout} (2 s) with the time of its last success, so the health
 * paths answer promptly while the database or Redis hangs; {@code /health} runs its checks side by side.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.tonearm.ops;
