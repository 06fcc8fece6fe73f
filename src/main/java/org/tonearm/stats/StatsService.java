package org.tonearm.stats;

/**
 * Live statistics (docs/api.md#statistics), the façade that the native API, the compatibility APIs and the web call. Every method
 * reads one consistent snapshot; the numbers include every committed write (no batch, no lag). Users see their own
 * statistics only: callers decide who may ask for whose ({@code userId}).
 */
public interface StatsService {

    /**
     * Resolves range parameters in the user's timezone and week start.
     *
     * @throws org.tonearm.shared.TonearmException VALIDATION_ERROR naming the field for an unknown or contradictory
     *                                             parameter
     */
    StatsRange resolve(long userId, RangeRequest request);

    Overview overview(long userId, StatsRange range);

    /*
     * One call per view: the same answers as resolve then the view, but the range is resolved and the view computed
     * on one pooled connection in one read snapshot. Resolve then view borrows a connection twice, and under
     * concurrency every borrow is a wait of its own (docs/performance.md "Statistics: one call per view"). Each
     * throws what resolve throws for bad range parameters.
     */

    Overview overview(long userId, RangeRequest request);

    TopPage top(long userId, RangeRequest request, Entity kind, TopOrder order, int limit, int offset);

    Timeline timeline(long userId, RangeRequest request, Step step);

    Heatmap heatmap(long userId, RangeRequest request);

    Clock clock(long userId, RangeRequest request);

    Discoveries discoveries(long userId, RangeRequest request, Entity kind, int limit, int offset);

    Streaks streaks(long userId, RangeRequest request);

    Insights insights(long userId, RangeRequest request, int limit);

    /** @throws org.tonearm.shared.TonearmException NOT_FOUND when the user never played it */
    EntityStats entity(long userId, RangeRequest request, Entity kind, long id);

    /**
     * A page of the top list. {@code limit} 1–1000 and {@code offset} ≥ 0 (VALIDATION_ERROR naming {@code limit} or
     * {@code offset} otherwise). Each item carries its rank in the previous period.
     */
    TopPage top(long userId, StatsRange range, Entity kind, TopOrder order, int limit, int offset);

    Timeline timeline(long userId, StatsRange range, Step step);

    Heatmap heatmap(long userId, StatsRange range);

    Clock clock(long userId, StatsRange range);

    Discoveries discoveries(long userId, StatsRange range, Entity kind, int limit, int offset);

    Streaks streaks(long userId, StatsRange range);

    Insights insights(long userId, StatsRange range, int limit);

    /** @throws org.tonearm.shared.TonearmException NOT_FOUND when the user never played it */
    EntityStats entity(long userId, StatsRange range, Entity kind, long id);

    /**
     * The dashboard's overview, top {@code top} artists/albums/tracks by plays and {@code insights} risers and fallers
     * of a range, each as its own view would answer, in one read (see {@link DashboardStats}).
     */
    DashboardStats dashboard(long userId, StatsRange range, int top, int insights);

    YearInReview year(long userId, int year);

    /** All-time plays (Last.fm {@code user.getInfo} playcount). */
    long allTimePlays(long userId);

    /**
     * Top genres of a range: a play counts once for each distinct genre of its track's credited artists (their top
     * MusicBrainz tags). {@code limit} 1–1000, {@code offset} ≥ 0 as for {@link #top}.
     */
    Breakdown genres(long userId, StatsRange range, TopOrder order, int limit, int offset);

    /** Plays per artist country (ISO 3166-1 alpha-2): a play counts once for each distinct country of its artists. */
    Breakdown artistMap(long userId, StatsRange range, TopOrder order, int limit, int offset);

    /** Plays per release decade, oldest first: the track's first release year, else its album's. */
    Breakdown eras(long userId, StatsRange range);
}
