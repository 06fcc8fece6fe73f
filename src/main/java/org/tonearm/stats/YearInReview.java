package org.tonearm.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** docs/api.md#statistics year in review: totals, top fives, top day, new artists, longest streak, month by month. */
public record YearInReview(int year, StatsRange range, Instant computedAt, Figures figures, List<TopItem> topArtists,
        List<TopItem> topAlbums, List<TopItem> topTracks, TopDay topDay, long newArtists,
        List<Discoveries.Discovery> newArtistsFirst, Streak longestStreak, List<Month> months) {

    public record TopDay(LocalDate day, long plays) {}

    /** {@code topTrack} is null for a month without plays. */
    public record Month(int month, Figures figures, TopItem topTrack) {}
}
