package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.STATS_DAY_TRACK;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Record2;
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
        Condition raw = rawFilter(kind, id, false);
        Record2<Long, Long> span = database.dsl().select(min(LISTENS.LISTENED_AT), max(LISTENS.LISTENED_AT))
                .from(LISTENS).where(LISTENS.USER_ID.eq(userId), LISTENS.CLASSIFICATION.ne("SKIP"), raw).fetchOne();
        if (span == null || span.value1() == null) {
            throw TonearmException.notFound(kind.name().toLowerCase().replaceAll("s$", "") + " " + id + " in your listens");
        }
        Slice slice = Slice.of(userId, range.period(), range.zone());
        Figures figures = timeline.byDay(userId, slice, rollupFilter(kind, id, false), raw).values().stream()
                .reduce(Figures.ZERO, Figures::plus);
        long featured = kind != Entity.ARTISTS ? 0
                : timeline.byDay(userId, slice, rollupFilter(kind, id, true), rawFilter(kind, id, true)).values()
                        .stream().mapToLong(Figures::plays).sum();
        Integer rank = top.rankOf(userId, slice, kind, TopOrder.PLAYS, id);
        List<TopItem> topTracks = kind == Entity.TRACKS ? List.of()
                : top.top(userId, slice, Entity.TRACKS, TopOrder.PLAYS, 10, rollupFilter(kind, id, false), raw);
        List<TopItem> topAlbums = kind == Entity.ALBUMS ? List.of()
                : top.top(userId, slice, Entity.ALBUMS, TopOrder.PLAYS, 10, rollupFilter(kind, id, false), raw);
        // "ranges up to 62 days" (docs/api.md#statistics) counts the local days the range touches: a truncated
        // duration would call 63 local days across a spring-forward switch, or 62.5 days of instants, 62
        LocalDate firstDay = LocalDate.ofInstant(range.from(), range.zone());
        LocalDate lastDay = LocalDate.ofInstant(range.to().minusNanos(1), range.zone());
        Step step = ChronoUnit.DAYS.between(firstDay, lastDay) + 1 <= 62 ? Step.DAY : Step.MONTH;
        Timeline overTime = timeline.timeline(userId, range, step, now, rollupFilter(kind, id, false), raw, false);
        String name = names.of(kind, List.of(id)).getOrDefault(id, new Names.Named(null, null, List.of())).name();
        return new EntityStats(range, now, kind, id, name, Instant.ofEpochMilli(span.value1()),
                Instant.ofEpochMilli(span.value2()), figures, featured, rank, topTracks, topAlbums, overTime);
    }

    private static Condition rollupFilter(Entity kind, long id, boolean featuredOnly) {
        return switch (kind) {
            case TRACKS -> STATS_DAY_TRACK.TRACK_ID.eq(id);
            case ALBUMS -> STATS_DAY_TRACK.ALBUM_ID.eq(id);
            case ARTISTS -> STATS_DAY_TRACK.TRACK_ID.in(tracksOf(id, featuredOnly));
        };
    }

    private static Condition rawFilter(Entity kind, long id, boolean featuredOnly) {
        return switch (kind) {
            case TRACKS -> LISTENS.TRACK_ID.eq(id);
            case ALBUMS -> LISTENS.ALBUM_ID.eq(id);
            case ARTISTS -> LISTENS.TRACK_ID.in(tracksOf(id, featuredOnly));
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
