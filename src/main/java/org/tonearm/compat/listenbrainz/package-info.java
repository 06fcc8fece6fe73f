/**
 * The ListenBrainz API (docs/api.md#compatibility-apis) at {@code /apis/listenbrainz/1/…} and at the root {@code /1/…} (liblistenbrainz
 * and other clients can change only the host). A translator: wire ⇄ {@link org.tonearm.listens.IncomingListen},
 * nothing else.
 *
 * <h2>Submission flow ({@code POST submit-listens})</h2>
 * <ol>
 *   <li>rate limit and X-RateLimit-* headers (ListenBrainzRateLimitInterceptor);</li>
 *   <li>authenticate {@code Authorization: Token …} with listens:write (ListenBrainzAuth) — 401 in LB's words;</li>
 *   <li>read at most 10,240,000 bytes (RequestBodies);</li>
 *   <li>document rules in ListenBrainz's order (ListenBrainzSubmissionValidator), then every listen
 *       (ListenBrainzListenValidator); one invalid listen rejects the request and nothing is stored;</li>
 *   <li>single/import: map every listen (ListenBrainzListenMapper), ask the funnel's sanity gate
 *       ({@code ListenSanity}) for each so that one refused listen stores nothing (400), and call
 *       {@code ListenService.ingestBatch} once; playing_now: {@code NowPlayingService.update}, never a stored
 *       listen;</li>
 *   <li>{@code {"status": "ok"}} (playing_now with {@code ?return_msid=true}: plus the recording's
 *       {@code recording_msid}); errors as {@code {"code", "error"}} (ListenBrainzErrorAdvice).</li>
 * </ol>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>channel</b> {@code listenbrainz_api}; <b>service</b> from {@code additional_info.music_service} (domain),
 *       else {@code music_service_name}, else {@code other} (MusicServices); <b>client</b> from
 *       {@code submission_client}.</li>
 *   <li><b>duration / duration_ms</b> are the track's length (ListenBrainz JSON docs), so they become the credit's
 *       length; the played duration is unknown (clients submit after their scrobble rule: FULL, docs/api.md#classification).</li>
 *   <li><b>external_id stays null.</b> ListenBrainz has no per-play identifier: {@code spotify_id},
 *       {@code recording_mbid}, {@code isrc} identify the <em>track</em>, and an external id equal across two plays
 *       would make the funnel fold a real repeat into one listen. They go to the catalog's identifiers instead
 *       ({@code spotify_id} URLs reduced to the bare id).</li>
 *   <li><b>extra</b> = {@code additional_info} as validated (empty MBIDs dropped, durations as integers);
 *       <b>raw</b> = the listen's JSON exactly as sent.</li>
 *   <li><b>recording_msid</b>: there is no MessyBrainz; like MessyBrainz it names the recording's text: a
 *       name-based UUID (v5) of the normalized artist credit and title (RecordingMsids), the same for a listen and a
 *       playing_now of that recording, accepted back by {@code delete-listen} (with {@code listened_at}) and by
 *       recording feedback (ListenBrainzFeedbackController, table {@code listenbrainz_feedback}).</li>
 *   <li><b>Blank optional names</b> ({@code release_name: " "}) are dropped, as ListenBrainz does.</li>
 *   <li><b>listened_at</b> is whole seconds on the wire; {@code min_ts}/{@code max_ts} compare whole seconds too,
 *       so a client paging by the last {@code listened_at} it saw never gets a listen twice.</li>
 *   <li><b>Size limit</b>: like ListenBrainz, 10,240 bytes per listen is checked as body size ≤ listens × 10,240.</li>
 *   <li><b>Reads</b> ({@code user/{user}/…}): PUBLIC profiles to anyone, PRIVATE only to the owner's token with
 *       listens:read; anyone else gets the unknown-user 404 (ListenBrainzProfiles).</li>
 *   <li><b>Statistics</b> ({@code stats/user/{user}/artists|releases|release-groups|recordings|listening-activity|
 *       daily-activity|year-in-music/{year}}, issue #11 item 3): translated from the stats façade by ListenBrainzStats,
 *       live (no nightly batch, {@code last_updated} = now). {@code range} values map onto native ranges as docs/api.md#statistics
 *       Definitions say (ListenBrainzStatsRange); {@code listen_count} = plays (SKIP listens never count); 204 with an
 *       empty body when the range has no plays; year-in-music (totals, top lists, new artists, month by month from
 *       the native year in review) answers 200 with {@code data: {}} for a year without plays, as ListenBrainz does.
 *       Tonearm has no release groups, so {@code release-groups} ranks albums. Private statistics: the owner's token with stats:read or listens:read; everyone else the
 *       unknown-user 404.</li>
 *   <li><b>Rate limits</b>: ListenBrainz's fixed 10 s windows and headers, per token owner or per IP, in memory
 *       (ListenBrainzProperties for the numbers).</li>
 *   <li><b>Content type</b> is not checked (ListenBrainz reads the raw body; node-fetch based clients send
 *       text/plain).</li>
 * </ul>
 */
package org.tonearm.compat.listenbrainz;
