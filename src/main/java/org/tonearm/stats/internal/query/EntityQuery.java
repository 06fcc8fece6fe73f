package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.STATS_TRACK;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.Entity;
import org.tonearm.stats.EntityStats;
import org.tonearm.stats.Figures;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.Step;
import org.tonearm.stats.Timeline;
import org.tonearm.stats.TopItem;
import org.tonearm.stats.TopOrder;

/**
 * One artist's, album's or track's page (docs/api.md#statistics): first and last play in the whole history, figures and rank in the
 * range, top tracks and albums inside it, plays over time (by day up to two months, else by month). An artist's
 * featured plays are its plays on tracks that credit it as featured.
 */
@Component
public class EntityQuery {

    private final Database database;
    private final TopQuery top;
    private final TimelineQuery timeline;
    private final Names names;

    public EntityQuery(Database database, TopQuery top, TimelineQuery timeline, Names names) {
        this.database = database;
        this.top = top;
        this.timeline = timeline;
        this.names = names;
    }

    public EntityStats entity(long userId, StatsRange range, Entity kind, long id, Instant now) {
        DSLContext dsl = database.dsl();
        Record2<Long, Long> span = span(dsl, userId, kind, id);
        if (span == null || span.value1() == null) {
            throw TonearmException.notFound(kind.name().toLowerCase().replaceAll("s$", "") + " " + id + " in your listens");
        }
        Sources.Narrowing mine = narrowing(kind, id, false);
        // one read of per-day × track rows for the timeline, whose sum is the range's figures; the rest from the
        // slice that reads the all-time rollup for all_time (one row per track instead of one per day and track:
        // the top artist's page at 1,000,000 listens read the user's ~720,000 day × track rows six times — 1.2 s on
        // SQLite, docs/performance.md "Session 11")
        Map<Integer, Figures> byDay = timeline.byDay(Slice.of(userId, range.period(), range.zone()), mine);
        Figures figures = byDay.values().stream().reduce(Figures.ZERO, Figures::plus);
        Slice slice = Slice.of(userId, range);
        long featured = kind != Entity.ARTISTS ? 0 : featuredPlays(dsl, slice, id);
        Integer rank = top.rankOf(userId, slice, kind, TopOrder.PLAYS, id);
        List<TopItem> topTracks = kind == Entity.TRACKS ? List.of()
                : top.top(userId, slice, Entity.TRACKS, TopOrder.PLAYS, 10, mine);
        List<TopItem> topAlbums = kind == Entity.ALBUMS ? List.of()
                : top.top(userId, slice, Entity.ALBUMS, TopOrder.PLAYS, 10, mine);
        // "ranges up to 62 days" (docs/api.md#statistics) counts the local days the range touches: a truncated
        // duration would call 63 local days across a spring-forward switch, or 62.5 days of instants, 62
        LocalDate firstDay = LocalDate.ofInstant(range.from(), range.zone());
        LocalDate lastDay = LocalDate.ofInstant(range.to().minusNanos(1), range.zone());
        Step step = ChronoUnit.DAYS.between(firstDay, lastDay) + 1 <= 62 ? Step.DAY : Step.MONTH;
        Timeline overTime = TimelineQuery.timeline(range, step, now, byDay);
        String name = names.of(kind, List.of(id)).getOrDefault(id, Names.Named.NONE).name();
        return new EntityStats(range, now, kind, id, name, Instant.ofEpochMilli(span.value1()),
                Instant.ofEpochMilli(span.value2()), figures, featured, rank, topTracks, topAlbums, overTime);
    }

    /**
     * The first and last play of the entity in the whole history (null values when it has none): per track, the
     * first and the last non-skip listen on ix_listens_user_track_time (an index walk from each end that stops at the
     * first play), instead of every listen of the entity (148,874 for the top artist at a million listens: 140 ms).
     */
    private static Record2<Long, Long> span(DSLContext dsl, long userId, Entity kind, long id) {
        Table<?> tracks = switch (kind) {
            case TRACKS -> select(inline(id).as("track_id")).asTable("t");
            case ALBUMS -> selectDistinct(STATS_TRACK.TRACK_ID.as("track_id")).from(STATS_TRACK)
                    .where(STATS_TRACK.USER_ID.eq(userId), STATS_TRACK.ALBUM_ID.eq(id)).asTable("t");
            case ARTISTS -> selectDistinct(TRACK_ARTISTS.TRACK_ID.as("track_id")).from(TRACK_ARTISTS)
                    .where(TRACK_ARTISTS.ARTIST_ID.eq(id)).asTable("t");
        };
        Field<Long> track = field(name("t", "track_id"), Long.class);
        Condition play = LISTENS.USER_ID.eq(userId).and(LISTENS.TRACK_ID.eq(track))
                .and(LISTENS.CLASSIFICATION.ne("SKIP"))
                .and(kind == Entity.ALBUMS ? LISTENS.ALBUM_ID.eq(id) : noCondition());
        Field<Long> first = field(select(LISTENS.LISTENED_AT).from(LISTENS).where(play)
                .orderBy(LISTENS.LISTENED_AT.asc()).limit(inline(1))).as("first_at");
        Field<Long> last = field(select(LISTENS.LISTENED_AT).from(LISTENS).where(play)
                .orderBy(LISTENS.LISTENED_AT.desc()).limit(inline(1))).as("last_at");
        Table<?> perTrack = dsl.select(first, last).from(tracks).asTable("e");
        return dsl.select(min(field(name("e", "first_at"), Long.class)), max(field(name("e", "last_at"), Long.class)))
                .from(perTrack).fetchOne();
    }

    /** Plays on the tracks that credit the artist as featured. */
    private static long featuredPlays(DSLContext dsl, Slice slice, long artistId) {
        Long plays = dsl.select(Sources.longSum(Sources.PLAYS))
                .from(Sources.tracks(dsl, slice, narrowing(Entity.ARTISTS, artistId, true))).fetchOne(0, Long.class);
        return plays == null ? 0 : plays;
    }

    private static Sources.Narrowing narrowing(Entity kind, long id, boolean featuredOnly) {
        return switch (kind) {
            case TRACKS -> (track, album) -> track.eq(id);
            case ALBUMS -> (track, album) -> album.eq(id);
            case ARTISTS -> (track, album) -> track.in(tracksOf(id, featuredOnly));
        };
    }

    private static org.jooq.Select<org.jooq.Record1<Long>> tracksOf(long artistId, boolean featuredOnly) {
        Condition c = TRACK_ARTISTS.ARTIST_ID.eq(artistId);
        if (featuredOnly) {
            c = c.and(TRACK_ARTISTS.ROLE.eq("featured"));
        }
        return select(TRACK_ARTISTS.TRACK_ID).from(TRACK_ARTISTS).where(c);
    }
}
