/**
 * Statistics (docs/api.md#statistics): ranges in the user's timezone and week start, rollups, one query class per view, the stats API.
 * Other modules call {@link org.tonearm.stats.StatsService}; everything else is in {@code internal}.
 *
 * <h2>How a view reads a range</h2>
 * A range {@code [from, to)} splits into the whole local days inside it, read from the rollup tables
 * ({@code stats_day_track}, {@code stats_day_hour}, {@code stats_day}), and at most two partial days at its edges
 * (e.g. {@code today} until now, or instant-bounded custom ranges), read from the raw listens. Both sources yield the
 * same rows, so every view is one query over their union ({@code internal.query.Sources}). {@code all_time} instead
 * reads the whole-history rollups ({@code stats_track} per track and album with its first play, {@code stats_hour}
 * per weekday and hour) minus the raw listens outside the range — normally none — so its cost does not grow with the
 * number of listens (docs/performance.md).
 *
 * <h2>Rollups</h2>
 * The listens funnel publishes {@link org.tonearm.listens.ListensChanged} inside its write transaction (ingest,
 * merges, corrections, deletes, range deletes); {@code internal.rollup.RollupUpdater} listens synchronously and applies
 * the removed and added listens' deltas with a few set-wise upserts, so a failing rollup update rolls the write back.
 * A play counts for every credited artist (docs/api.md#statistics): artists are derived by joining {@code track_artists} at read
 * time, so rollups are per track and album only.
 *
 * <h2>Timezone changes (issue 11 item 5)</h2>
 * A user's listens store their local day and hour, and the rollups are keyed by them, so a timezone change moves both.
 * {@code PATCH /api/v1/me} only records the change ({@code listen_relocations}); a background job of the listens module
 * ({@code listens.internal.RelocationRunner}) recomputes the listens' local days and publishes
 * {@link org.tonearm.listens.ListensRelocated}, on which {@code internal.rollup.RelocationFollower} rebuilds the user's
 * rollups — in the job's one transaction, so the stored data is always wholly in one zone.
 * <p><b>Meanwhile</b> (usually well under a second; minutes for a very large history on a busy node) the statistics
 * stay exact in the <em>previous</em> timezone: {@link org.tonearm.stats.StatsService#resolve} resolves ranges in
 * {@link org.tonearm.listens.LocalTimes#storedZone}, the zone the stored days are in, and every response names that
 * zone ({@code range.timezone}); listens ingested meanwhile are stored in it too and moved by the job. When the job
 * commits, the user's version is bumped and the next request answers in the new zone. We chose this over answering
 * from the raw listens in the new zone because SQLite has no timezone rules to compute local days in SQL, and over
 * per-chunk commits because a half-moved history cannot be read exactly. A request that resolved its range just before
 * the job's commit and reads just after it can answer once with the previous zone's bounds over the new days; it is
 * not cached under the new version. The week start is not stored with the listens: changing it needs no job and takes
 * effect in the next request.
 *
 * <h2>Cache (issue 11 item 6)</h2>
 * Answers are cached in each node's memory ({@code internal.cache.StatsCache}, Caffeine; {@code tonearm.stats.cache.*})
 * under a key of (user, the user's version, view, parameters, resolved range, today's date in the user's zone).
 * <ul>
 * <li><b>Never stale after a write.</b> {@code internal.cache.StatsVersions} holds a version per user, bumped by
 * {@code internal.cache.VersionBumper} on the same events that update the rollups, <em>after the commit</em>: bumped
 * inside the transaction, a request starting before the commit could read the new version, compute from the old
 * snapshot and cache the old answer under the new version. A request reads the version before opening its snapshot,
 * so the new version always comes with the new data. Every user's version also includes one shared version, bumped
 * (after the commit) when a track's credits grew ({@link org.tonearm.catalog.TrackCreditsGrown}): that changes the
 * artist figures of every user who played the track. With {@code TONEARM_REDIS_URL} the version is also a Redis
 * counter ({@code INCR}, the connection the rate limiter uses), so a write on any node invalidates every node; while
 * Redis does not answer the cache is bypassed (answers stay exact), and lost bumps are sent once it answers again.
 * The answers themselves stay in each node's memory: they are cheap to recompute and a process-local hit costs no
 * network round trip.</li>
 * <li><b>Ranges ending "now"</b> ({@code today}, {@code this_week}, rolling {@code 7d}…, {@code all_time}) resolve to
 * a new {@code to} (and, rolling, a new {@code from}) on every request. Keying them by the exact instant would make
 * every request a miss; dropping the instant would let listens slide out of a rolling window unnoticed. The key holds
 * their bounds truncated to the second, so an answer is reused for at most one second, within the "live within
 * a second", and a write still invalidates it at once. Custom ranges are keyed exactly. Today's date is part of every
 * key because the current streak counts back from today whatever the range.</li>
 * </ul>
 */
package org.tonearm.stats;
