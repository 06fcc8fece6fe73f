/**
 * Audioscrobbler 1.2 / 1.2.1 compatibility (issue #5, docs/api.md#compatibility-apis) for old players.
 *
 * <h2>Flow ({@link org.tonearm.compat.audioscrobbler.AudioscrobblerController})</h2>
 * <ol>
 *   <li>handshake: version, required parameters, clock (BADTIME), token auth {@code md5(md5(API token) + t)} or
 *       1.2.1 {@code api_key} + {@code sk} (BADAUTH) → a session id (shared {@code ProtocolSessions}, protocol
 *       AUDIOSCROBBLER) and the now-playing and submission URLs;</li>
 *   <li>now playing → {@code NowPlayingService} (never a listen); submissions (≤ 50) → validated, skips and bans
 *       dropped, mapped, one {@code ListenService.ingestBatch};</li>
 *   <li>every failure is a plain-text reply (HTTP 200), rendered by {@code AudioscrobblerErrorAdvice}.</li>
 * </ol>
 */
package org.tonearm.compat.audioscrobbler;
