package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
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
        // the figures from one row per day; the unique counts from one pass over the (track, album) pairs with a play
        // (summed first: a whole-history source subtracts listens outside the range), artists joined to those pairs
        Record f = dsl.select(FiguresQuery.columns()).from(Sources.days(dsl, slice)).fetchOne();
        Table<?> pairs = dsl.select(Sources.TRACK.as("track_id"), Sources.ALBUM.as("album_id"))
                .from(Sources.tracks(dsl, slice)).groupBy(Sources.TRACK, Sources.ALBUM)
                .having(sum(Sources.PLAYS).gt(java.math.BigDecimal.ZERO)).asTable("t");
        Field<Long> track = field(name("t", "track_id"), Long.class);
        Field<Long> album = field(name("t", "album_id"), Long.class);
        Record u = dsl.select(countDistinct(track), countDistinct(when(album.ne(0L), album)),
                        countDistinct(TRACK_ARTISTS.ARTIST_ID))
                .from(pairs).leftJoin(TRACK_ARTISTS).on(TRACK_ARTISTS.TRACK_ID.eq(track)).fetchOne();
        return new Totals(FiguresQuery.read(f, 0), FiguresQuery.num(u.get(0)), FiguresQuery.num(u.get(2)),
                FiguresQuery.num(u.get(1)));
    }

    public Overview overview(long userId, StatsRange range, Instant now) {
        Totals current = totals(userId, Slice.of(userId, range));
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
