/**
 * Listens: THE ingestion funnel, the native listens API and (later) now playing. Other modules read stored listens
 * through {@link org.tonearm.listens.ListenHistory} (time windows for the compatibility protocols and the dashboard),
 * {@link org.tonearm.listens.ListenJournal} (the native API's filtered pages, corrections and deletes, for the web UI)
 * and, for exports of a whole history, {@link org.tonearm.listens.ListenArchive} (keyset pages with absorbed sources
 * and identifiers); all of them read through one repository (internal.persistence.ListenQueryRepository).
 * {@link org.tonearm.listens.CatalogVisibility} answers which catalog entries a user may see (those of their own
 * listens or of a PUBLIC profile's, docs/api.md#accounts-and-authentication): the catalog module builds candidate queries without knowing the listens
 * tables, and this module filters them with one semi-join on the listens indexes (used by the library module's
 * search and entity pages).
 *
 * <h2>Ingest flow ({@link org.tonearm.listens.ListenService#ingestBatch})</h2>
 * Every path — native API, ListenBrainz, Last.fm, Audioscrobbler, imports, sync, web form — builds
 * {@link org.tonearm.listens.IncomingListen}s and calls the funnel. One batch is one write transaction —
 * or, when several callers ingest at the same moment, their batches share one (group commit, up to 5,000
 * listens: {@code GroupCommitter}; a caller already inside a transaction is never combined with others). On
 * PostgreSQL the group commit runs in lanes by user ({@code GroupCommitLanes}, half the pool), so batches of users in
 * different lanes commit concurrently; SQLite has one lane, its single writer:
 * <ol start="0">
 *   <li>the sanity gate ({@link org.tonearm.listens.ListenSanity}): a listen with a NUL character, a
 *       {@code listened_at} before 2002-10-01 or after now + 1 h, or a duration ≤ 0 or over 24 days is answered
 *       {@code REFUSED} with its {@link org.tonearm.listens.ListenRefusal} and goes no further; the rest of the batch
 *       is stored (each adapter translates refusals into its protocol: docs/clients.md);</li>
 *   <li>lock the batch's users (PostgreSQL advisory locks, ordered; SQLite: the single writer lock);</li>
 *   <li>resolve all catalog text set-wise ({@code CatalogService.resolveAll}: normalized keys, featured artists);</li>
 *   <li>normalize: END-stamped sources become start = end − played duration (or − track length when the
 *       played duration is unknown) — docs/api.md#listens;</li>
 *   <li>load the deduplication candidates with one range query per user (ix_listens_user_track_time) plus an
 *       external-id lookup;</li>
 *   <li>decide in memory ({@code Deduplicator}) in a canonical order, so any permutation of a batch gives the
 *       same rows, and a batch sent twice changes nothing;</li>
 *   <li>write: new listens in one JDBC batch on SQLite, one {@code COPY} on PostgreSQL (ids allocated up front), merged listens updated, absorbed
 *       reports kept in {@code listen_sources};</li>
 *   <li>classify (docs/api.md#classification thresholds, {@link org.tonearm.listens.Classifier}) and store the local day and hour
 *       in the user's timezone (the previous one while a timezone change's background job is pending,
 *       {@link org.tonearm.listens.LocalTimes}); publish {@link org.tonearm.listens.ListensRecorded} per user.</li>
 * </ol>
 *
 * <h2>Decisions where docs/api.md#listens is silent</h2>
 * <ul>
 *   <li><b>Source</b>: docs/api.md#deduplication's "same channel and service" is compared as channel + service + origin, where origin
 *       is null for the protocol channels and the export format for imports. Two different exports of the same
 *       plays (a Spotify extended history and a ListenBrainz export) are exactly the cross-source case the rule
 *       merges, although both arrive through the import channel with service spotify.</li>
 *   <li><b>External ids</b> from the same source match whatever the track, so a listen whose metadata the user
 *       corrected still absorbs a re-import of its row.</li>
 *   <li><b>Nearest</b> candidate = smallest of |Δstart| (when ≤ 5 min) and ||Δstart| − length| (when ≤ 30 s);
 *       of equally near ones the one whose kept report started first (then by source, external id, raw
 *       text) — by content, so an import's batch boundaries cannot change the choice. Same-source resends land on the nearest stamp within 2 s.</li>
 *   <li><b>Merge</b>: the incoming report takes over the kept row's source fields (start, service, channel,
 *       client, external id, raw, extra, album) only when its priority is strictly higher (spotify 5 >
 *       apple_music 4 > youtube_music 3 > other services 2 > manual entry via the web form 1); the played
 *       duration becomes the longest; classification is recomputed; {@code merge_count} counts merges.</li>
 *   <li><b>Manual entry</b> is the {@code web} channel (the dashboard form); native API clients report a service.</li>
 * </ul>
 */
package org.tonearm.listens;
