package org.tonearm.stats;

import java.util.List;

/**
 * What the dashboard shows of a range, read together (docs/api.md#statistics): the overview, the first items of the
 * three top lists by plays with their previous ranks, and the insights. Each part equals the view of the same name
 * ({@code StatsService.overview}, {@code top(…, PLAYS, n, 0).items()}, {@code insights}); they are read together
 * because they sum the same rows: each kind's items are summed once for both periods.
 */
public record DashboardStats(Overview overview, List<TopItem> topArtists, List<TopItem> topAlbums,
        List<TopItem> topTracks, Insights insights) {}
