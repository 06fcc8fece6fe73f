package org.tonearm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.tonearm.stats.StatsRange;

/**
 * The baseline of the statistics benchmark (issue 11 item 9): for every view, the direct GROUP BY over the raw
 * {@code listens} table that a tracker without rollups would run — written here only, never in the application.
 * Plays exclude SKIP (docs/api.md#classification); listening time is {@code duration_played_ms}, else the track
 * length. Local day and hour come from the listens' own {@code local_day}/{@code local_hour} columns (the user's
 * zone at write time), which only makes the baseline cheaper. Each query covers what the view answers with the
 * least work: top lists and discoveries only the range (the view also ranks the previous period and loads
 * names), so a ratio measured against them is conservative.
 */
final class DirectQueries {

    private static final String PLAYED = " and l.classification <> 'SKIP'";
    private static final String IN_RANGE = " where l.user_id = ? and l.listened_at >= ? and l.listened_at < ?";
    private static final String TIME = "sum(coalesce(l.duration_played_ms, l.track_length_ms, 0))";

    private final DataSource dataSource;
    private final boolean postgres;

    DirectQueries(DataSource dataSource, String db) {
        this.dataSource = dataSource;
        this.postgres = db.equals("postgres");
    }

    /** The baseline of {@code view} (a name of {@link StatsBenchmark#VIEWS}) over the range. */
    Object run(String view, long user, StatsRange range) throws Exception {
        long from = range.from().toEpochMilli();
        long to = range.to().toEpochMilli();
        return switch (view) {
            case "overview" -> {
                List<Object> out = new ArrayList<>(figures(user, from, to));
                if (range.previous() != null) { // the view compares every figure with the previous period
                    out.addAll(figures(user, range.previous().from().toEpochMilli(), range.previous().to().toEpochMilli()));
                }
                yield out;
            }
            case "top_artists" -> rows("select ta.artist_id, count(*) c, " + TIME + " from listens l"
                    + " join track_artists ta on ta.track_id = l.track_id" + IN_RANGE + PLAYED
                    + " group by ta.artist_id order by c desc, ta.artist_id limit 50", user, from, to);
            case "top_albums" -> rows("select l.album_id, count(*) c, " + TIME + " from listens l" + IN_RANGE + PLAYED
                    + " and l.album_id is not null group by l.album_id order by c desc, l.album_id limit 50", user, from, to);
            case "top_tracks" -> rows("select l.track_id, count(*) c, " + TIME + " from listens l" + IN_RANGE + PLAYED
                    + " group by l.track_id order by c desc, l.track_id limit 50", user, from, to);
            case "timeline_day" -> rows("select l.local_day, count(*), " + TIME + " from listens l" + IN_RANGE + PLAYED
                    + " group by l.local_day order by l.local_day", user, from, to);
            case "timeline_month" -> rows("select " + month() + " m, count(*), " + TIME + " from listens l" + IN_RANGE
                    + PLAYED + " group by " + month() + " order by m", user, from, to);
            // epoch day 0 (1970-01-01) was a Thursday: (day + 3) mod 7 is 0 on Mondays
            case "heatmap" -> rows("select (l.local_day + 3) % 7, l.local_hour, count(*) from listens l" + IN_RANGE
                    + PLAYED + " group by (l.local_day + 3) % 7, l.local_hour", user, from, to);
            case "clock" -> rows("select l.local_hour, count(*), " + TIME + " from listens l" + IN_RANGE + PLAYED
                    + " group by l.local_hour", user, from, to);
            case "streaks" -> longestRun(rows("select distinct l.local_day from listens l" + IN_RANGE + PLAYED
                    + " order by l.local_day", user, from, to));
            // first-ever listens: over the whole history, kept when they fall in the range
            case "discoveries" -> rows("select ta.artist_id, min(l.listened_at) f from listens l"
                    + " join track_artists ta on ta.track_id = l.track_id where l.user_id = ?" + PLAYED
                    + " group by ta.artist_id having min(l.listened_at) >= ? and min(l.listened_at) < ?"
                    + " order by f desc limit 50", user, from, to);
            case "insights" -> insights(user, range, from, to);
            default -> throw new IllegalArgumentException(view);
        };
    }

    private List<Object> figures(long user, long from, long to) throws Exception {
        List<Object> out = new ArrayList<>(rows("select sum(case when l.classification <> 'SKIP' then 1 else 0 end),"
                + " sum(case when l.classification <> 'SKIP' then coalesce(l.duration_played_ms, l.track_length_ms, 0) else 0 end),"
                + " count(distinct case when l.classification <> 'SKIP' then l.track_id end),"
                + " count(distinct case when l.classification <> 'SKIP' then l.album_id end),"
                + " sum(case when l.classification = 'SKIP' then 1 else 0 end), count(*) from listens l" + IN_RANGE,
                user, from, to));
        out.addAll(rows("select count(distinct ta.artist_id) from listens l join track_artists ta on ta.track_id = l.track_id"
                + IN_RANGE + PLAYED, user, from, to));
        return out;
    }

    /** Plays per artist in the range and in the previous period, in one scan (risers and fallers are picked from it). */
    private List<Object[]> insights(long user, StatsRange range, long from, long to) throws Exception {
        if (range.previous() == null) {
            return rows("select ta.artist_id, count(*) from listens l join track_artists ta on ta.track_id = l.track_id"
                    + IN_RANGE + PLAYED + " group by ta.artist_id", user, from, to);
        }
        long previousFrom = range.previous().from().toEpochMilli();
        long previousTo = range.previous().to().toEpochMilli();
        return rows("select ta.artist_id, sum(case when l.listened_at >= ? then 1 else 0 end),"
                + " sum(case when l.listened_at < ? then 1 else 0 end) from listens l"
                + " join track_artists ta on ta.track_id = l.track_id where l.user_id = ?" + PLAYED
                + " and ((l.listened_at >= ? and l.listened_at < ?) or (l.listened_at >= ? and l.listened_at < ?))"
                + " group by ta.artist_id", from, previousTo, user, from, to, previousFrom, previousTo);
    }

    private String month() {
        return postgres ? "to_char(to_timestamp(l.local_day * 86400::bigint) at time zone 'UTC', 'YYYY-MM')"
                : "strftime('%Y-%m', l.local_day * 86400, 'unixepoch')";
    }

    private static Object longestRun(List<Object[]> days) {
        long longest = 0;
        long current = 0;
        long previous = Long.MIN_VALUE;
        for (Object[] row : days) {
            long day = ((Number) row[0]).longValue();
            current = day == previous + 1 ? current + 1 : 1;
            longest = Math.max(longest, current);
            previous = day;
        }
        return longest;
    }

    private List<Object[]> rows(String sql, long... parameters) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setLong(i + 1, parameters[i]);
            }
            List<Object[]> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }
}
