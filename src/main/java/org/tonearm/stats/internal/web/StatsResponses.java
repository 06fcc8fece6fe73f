package org.tonearm.stats.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The documented shapes of the statistics answers (docs/api.md#statistics), for the OpenAPI document only:
 * {@link StatsJson} writes the JSON, these records say what it writes. Each one is closed
 * ({@code additionalProperties: false}): every component is a key that is always written (required), and only a
 * {@link Nullable} component may be {@code null} (TonearmModelResolver). StatsContractIntegrationTests validates
 * every view's real answer against them, so a key added to or dropped from StatsJson without its record here fails.
 *
 * <p>Schema names get "Stats" in front (StatsOverviewPage, StatsTopArtist, …), unique in the document.
 */
final class StatsResponses {

    private StatsResponses() {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Period(Instant from, Instant to) {}

    /** The resolved range; {@code previous} is null for all_time (no comparison). */
    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record ResolvedRange(String name, Instant from, Instant to, String timezone, @Nullable Period previous) {}

    /** A run of consecutive local days with a listen; 0 days and null dates when there is none. */
    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Streak(int days, @Nullable LocalDate first, @Nullable LocalDate last) {}

    /** The previous period's value and the change in percent (null when the previous value is 0). */
    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Change(double previous, @Nullable Double percent) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Changes(Change plays, Change listeningTimeMs, Change uniqueTracks, Change uniqueArtists, Change uniqueAlbums,
            Change skipRate) {}

    // ---- catalog entries as the views name them

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Ref(long id, String name) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record ArtistRef(long id, @Nullable String name, @Nullable String mbid) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Credit(long id, @Nullable String name, @Nullable String role) {}

    /** An album or a track: {@code title} and its credited artists. */
    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record CreditedRef(long id, @Nullable String title, @Nullable String mbid, List<Credit> artists) {}

    // ---- ranked entries (top views, entity and year pages); the figures are StatsJson.putFigures'

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TopArtist(int rank, ArtistRef artist, long plays, double weightedPlays, long listeningTimeMs,
            long estimatedTimeMs, double estimatedShare, long skips, double skipRate, @Nullable Integer previousRank,
            @Schema(allowableValues = {"new", "up", "down", "same", "none"}) String movement) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TopAlbum(int rank, CreditedRef album, long plays, double weightedPlays, long listeningTimeMs,
            long estimatedTimeMs, double estimatedShare, long skips, double skipRate, @Nullable Integer previousRank,
            @Schema(allowableValues = {"new", "up", "down", "same", "none"}) String movement) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TopTrack(int rank, CreditedRef track, long plays, double weightedPlays, long listeningTimeMs,
            long estimatedTimeMs, double estimatedShare, long skips, double skipRate, @Nullable Integer previousRank,
            @Schema(allowableValues = {"new", "up", "down", "same", "none"}) String movement) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TopArtistsPage(ResolvedRange range, Instant computedAt, long total, int offset, List<TopArtist> items) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TopAlbumsPage(ResolvedRange range, Instant computedAt, long total, int offset, List<TopAlbum> items) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TopTracksPage(ResolvedRange range, Instant computedAt, long total, int offset, List<TopTrack> items) {}

    // ---- overview

    /** {@code change} is left out for all_time (docs/api.md#statistics: nothing to compare with). */
    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Overview(long plays, double weightedPlays, long listeningTimeMs, long estimatedTimeMs, double estimatedShare,
            long skips, double skipRate, long uniqueTracks, long uniqueArtists, long uniqueAlbums, Streak currentStreak,
            Streak longestStreak, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Changes change) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record OverviewPage(ResolvedRange range, Instant computedAt, long total, int offset, List<Overview> items) {}

    // ---- timeline, heatmap, clock

    /** One step: the local days [start, end] and its figures. */
    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Bucket(LocalDate start, LocalDate end, long plays, double weightedPlays, long listeningTimeMs,
            long estimatedTimeMs, double estimatedShare, long skips, double skipRate) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TimelinePage(ResolvedRange range, Instant computedAt, long total, int offset, List<Bucket> items,
            @Schema(allowableValues = {"day", "week", "month", "year"}) String step) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record HeatmapCell(int weekday, int hour, long plays, long listeningTimeMs) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record HeatmapPage(ResolvedRange range, Instant computedAt, long total, int offset, List<HeatmapCell> items) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record ClockHour(int hour, long plays, long listeningTimeMs) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record ClockPage(ResolvedRange range, Instant computedAt, long total, int offset, List<ClockHour> items) {}

    // ---- streaks, insights

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Streaks(Streak current, Streak longest) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record StreaksPage(ResolvedRange range, Instant computedAt, long total, int offset, List<Streaks> items) {}

    /** An artist's plays in the range against the previous one; {@code percent} null when it had none before. */
    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Mover(Ref artist, long plays, long previousPlays, long delta, @Nullable Double percent) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Insights(List<Mover> risers, List<Mover> fallers) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record InsightsPage(ResolvedRange range, Instant computedAt, long total, int offset, List<Insights> items) {}

    // ---- discoveries (one kind per answer, by ?type=)

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record ArtistDiscovery(Ref artist, Instant firstListenedAt, LocalDate date) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record AlbumDiscovery(Ref album, Instant firstListenedAt, LocalDate date) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TrackDiscovery(Ref track, Instant firstListenedAt, LocalDate date) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record ArtistDiscoveriesPage(ResolvedRange range, Instant computedAt, long total, int offset,
            List<ArtistDiscovery> items) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record AlbumDiscoveriesPage(ResolvedRange range, Instant computedAt, long total, int offset,
            List<AlbumDiscovery> items) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TrackDiscoveriesPage(ResolvedRange range, Instant computedAt, long total, int offset,
            List<TrackDiscovery> items) {}

    // ---- one artist, album or track; first/last listen over the whole history, null when never heard

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record ArtistPage(Ref artist, @Nullable Instant firstListenedAt, @Nullable Instant lastListenedAt, long plays,
            double weightedPlays, long listeningTimeMs, long estimatedTimeMs, double estimatedShare, long skips,
            double skipRate, long featuredPlays, @Nullable Integer rank, List<TopTrack> topTracks,
            List<TopAlbum> topAlbums, List<Bucket> timeline) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record AlbumPage(Ref album, @Nullable Instant firstListenedAt, @Nullable Instant lastListenedAt, long plays,
            double weightedPlays, long listeningTimeMs, long estimatedTimeMs, double estimatedShare, long skips,
            double skipRate, @Nullable Integer rank, List<TopTrack> topTracks, List<TopAlbum> topAlbums,
            List<Bucket> timeline) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TrackPage(Ref track, @Nullable Instant firstListenedAt, @Nullable Instant lastListenedAt, long plays,
            double weightedPlays, long listeningTimeMs, long estimatedTimeMs, double estimatedShare, long skips,
            double skipRate, @Nullable Integer rank, List<TopTrack> topTracks, List<TopAlbum> topAlbums,
            List<Bucket> timeline) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record ArtistEntityPage(ResolvedRange range, Instant computedAt, long total, int offset, List<ArtistPage> items) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record AlbumEntityPage(ResolvedRange range, Instant computedAt, long total, int offset, List<AlbumPage> items) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record TrackEntityPage(ResolvedRange range, Instant computedAt, long total, int offset, List<TrackPage> items) {}

    // ---- year in review

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Day(LocalDate date, long plays) {}

    /** {@code top_track} is null for a month without listens. */
    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Month(int month, long plays, double weightedPlays, long listeningTimeMs, long estimatedTimeMs,
            double estimatedShare, long skips, double skipRate, @Nullable TopTrack topTrack) {}

    /** {@code top_day} is null for a year without listens. */
    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Year(int year, long plays, double weightedPlays, long listeningTimeMs, long estimatedTimeMs,
            double estimatedShare, long skips, double skipRate, List<TopArtist> topArtists, List<TopAlbum> topAlbums,
            List<TopTrack> topTracks, @Nullable Day topDay, long newArtists, Streak longestStreak, List<Month> months) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record YearPage(ResolvedRange range, Instant computedAt, long total, int offset, List<Year> items) {}

    // ---- the views MusicBrainz enrichment enables (issue #13 item 5)

    /** Plays of the range whose track has no genre / no artist country / no release year (not in the items). */
    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Unknown(long plays, long listeningTimeMs) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Genre(String genre, long plays, long listeningTimeMs) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Country(@Schema(description = "ISO 3166-1 alpha-2", pattern = "^[A-Z]{2}$") String country, long plays,
            long listeningTimeMs, @Schema(description = "distinct artists of that country played") long artists) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record Era(@Schema(description = "first year of the decade, e.g. 1990") int decade, long plays,
            long listeningTimeMs) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record GenresPage(ResolvedRange range, Instant computedAt, long total, int offset, List<Genre> items,
            Unknown unknown) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record ArtistMapPage(ResolvedRange range, Instant computedAt, long total, int offset, List<Country> items,
            Unknown unknown) {}

    @Schema(additionalProperties = AdditionalPropertiesValue.FALSE)
    record ErasPage(ResolvedRange range, Instant computedAt, long total, int offset, List<Era> items,
            Unknown unknown) {}
}
