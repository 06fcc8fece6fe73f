package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.when;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.Change;
import org.tonearm.stats.Figures;
import org.tonearm.stats.Overview;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.Streak;

/** docs/api.md#statistics overview: figures, unique tracks/artists/albums with a play, streaks, change against the previous period. */
@Component
public class OverviewQuery {

    private final Database database;
    private final StreaksQuery streaks;

    public OverviewQuery(Database database, StreaksQuery streaks) {
        this.database = database;
        this.streaks = streaks;
    }

    /** Figures and the three unique counts of one period. */
    public record Totals(Figures figures, long tracks, long artists, long albums) {}

    public Totals totals(long userId, Slice slice) {
        DSLContext dsl = database.dsl();
        Table<Record> s = Sources.dayTrack(dsl, slice);
        var columns = new java.util.ArrayList<org.jooq.SelectField<?>>(java.util.List.of(FiguresQuery.columns()));
        columns.add(countDistinct(when(Sources.PLAYS.gt(0L), Sources.TRACK)));
        columns.add(countDistinct(when(Sources.PLAYS.gt(0L).and(Sources.ALBUM.ne(0L)), Sources.ALBUM)));
        Record r = dsl.select(columns).from(s).fetchOne();
        long artists = dsl.select(countDistinct(TRACK_ARTISTS.ARTIST_ID))
                .from(Sources.dayTrack(dsl, slice)).join(TRACK_ARTISTS).on(TRACK_ARTISTS.TRACK_ID.eq(Sources.TRACK))
                .where(Sources.PLAYS.gt(0L)).fetchOne(0, Long.class);
        return new Totals(FiguresQuery.read(r, 0), FiguresQuery.num(r.get(5)), artists, FiguresQuery.num(r.get(6)));
    }

    public Overview overview(long userId, StatsRange range, Instant now) {
        Totals current = totals(userId, Slice.of(userId, range.period(), range.zone()));
        LocalDate today = LocalDate.ofInstant(now, range.zone());
        Streak currentStreak = streaks.current(userId, today, range.zone(), now);
        Streak longest = streaks.longest(userId, range);
        Map<String, Change> changes = null;
        if (range.previous() != null) {
            Totals before = totals(userId, Slice.of(userId, range.previous(), range.zone()));
            changes = new LinkedHashMap<>();
            changes.put("plays", Change.of(current.figures().plays(), before.figures().plays()));
            changes.put("listening_time_ms",
                    Change.of(current.figures().listeningTimeMs(), before.figures().listeningTimeMs()));
            changes.put("unique_tracks", Change.of(current.tracks(), before.tracks()));
            changes.put("unique_artists", Change.of(current.artists(), before.artists()));
            changes.put("unique_albums", Change.of(current.albums(), before.albums()));
            changes.put("skip_rate", Change.of(current.figures().skipRate(), before.figures().skipRate()));
        }
        return new Overview(range, now, current.figures(), current.tracks(), current.artists(), current.albums(),
                currentStreak, longest, changes);
    }
}
