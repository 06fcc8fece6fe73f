/**
 * The native listens API (docs/api.md#listens, #listen-shapes) at {@code /api/v1/listens}.
 *
 * <h2>Submit flow ({@code POST})</h2>
 * <ol>
 *   <li>read the body with a 10 MB limit ({@link org.tonearm.listens.internal.web.BoundedJsonBody}: Tomcat's
 *       max post size does not apply to JSON) into a Jackson tree — malformed → 400, too big → 413;</li>
 *   <li>one listen, or {@code {listens:[…]}} (1–1000 items; empty → 400, more → 413);</li>
 *   <li>validate each item on its own ({@link org.tonearm.listens.internal.web.ListenSubmissionValidator}),
 *       errors named by JSON path ({@code listens[3].artist});</li>
 *   <li>map the valid ones to {@code IncomingListen} (channel native_api, start-stamped, service default
 *       other, raw = the item's JSON) and hand them to the funnel in one {@code ingestBatch};</li>
 *   <li>answer: one listen 201 created / 200 merged or duplicate; a batch 200 / 207 / 400 with per-item
 *       results. A rejected single request writes nothing; a batch writes exactly its valid items.</li>
 * </ol>
 *
 * <h2>Decisions where docs/api.md is silent</h2>
 * <ul>
 *   <li>{@code client} is limited to 100 and {@code external_id} to 200 characters, their column widths
 *       (names: 512, the catalog's). Lengths count code points.</li>
 *   <li>List filters {@code artist}, {@code album}, {@code track}: all digits = catalog id, else a name matched by
 *       its normalized key (catalog {@code NameKeys}); {@code artist} matches any credited artist (featured
 *       too). {@code q} is a case-insensitive substring of track title, credited artist name or album title
 *       (SQLite folds ASCII case only).</li>
 *   <li>The cursor is opaque base64url of {@code v1:listened_at:id}; anything else is 400.</li>
 *   <li>A correction ({@code PATCH}) changes what was played (artist, artists, track, album) and the track
 *       length, re-resolves the catalog and re-classifies; when and where it was played cannot be corrected.</li>
 *   <li>Another user's listen answers 404 exactly like a missing one.</li>
 * </ul>
 */
package org.tonearm.listens.internal.web;
