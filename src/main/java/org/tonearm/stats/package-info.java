/**
 * Statistics (docs/api.md#statistics): ranges in the user's timezone and week start, rollups, one query class per view, the stats API.
 * Other modules call {@link org.tonearm.stats.StatsService}; everything else is in {@code internal}.
 *
 * <h2>How a view reads a range</h2>
 * A range {@code [from, to)} splits into the whole local days inside it, read from the rollup tables
 * ({@code stats_day_track}, {@code stats_day_hour}), and at most two partial days at its edges (e.g. {@code today}
 * until now, or instant-bounded custom ranges), read from the raw listens. Both sources yield the same rows, so every
 * view is one query over their union ({@code internal.query.Sources}).
 *
 * <h2>Rollups</h2>
 * The listens funnel publishes {@link org.tonearm.listens.ListensChanged} inside its write transaction (ingest,
 * merges, corrections, deletes, range deletes); {@code internal.rollup.RollupUpdater} listens synchronously and applies
 * the removed and added listens' deltas with a few set-wise upserts, so a failing rollup update rolls the write back.
 * A play counts for every credited artist (docs/api.md#statistics): artists are derived by joining {@code track_artists} at read
 * time, so rollups are per track and album only.
 */
package org.tonearm.stats;
