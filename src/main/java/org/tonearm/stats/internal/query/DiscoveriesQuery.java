package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.count;
import static org.tonearm.schema.Tables.STATS_TRACK;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.Discoveries;
import org.tonearm.stats.Entity;
import org.tonearm.stats.StatsRange;

/**
 * docs/api.md#statistics: a discovery is the first-ever play (not a skip) of an artist, album or track in the user's whole history;
 * the view lists those inside the range, newest first. Read from the all-time rollup's first play per track and album
 * (stats_track.first_at): one row per pair the user ever played instead of a pass over every listen
 * (docs/performance.md).
 */
@Component
public class DiscoveriesQuery {

    private final Database database;
    private final Names names;

    public DiscoveriesQuery(Database database, Names names) {
        this.database = database;
        this.names = names;
    }

    public Discoveries discoveries(long userId, StatsRange range, Entity kind, int limit, int offset, Instant now) {
        DSLContext dsl = database.dsl();
        Table<?> firsts = firsts(dsl, userId, kind);
        Field<Long> id = field(name("f", "id"), Long.class);
        Field<Long> first = field(name("f", "first_at"), Long.class);
        var inRange = first.ge(range.from().toEpochMilli()).and(first.lt(range.to().toEpochMilli()));
        // the count rides along as a window (one pass); only a page past the end needs its own count
        List<Record3<Long, Long, Integer>> rows = dsl.select(id, first, count().over()).from(firsts).where(inRange)
                .orderBy(first.desc(), id.asc()).limit(limit).offset(offset).fetch();
        long total = !rows.isEmpty() ? rows.get(0).value3() : offset == 0 ? 0
                : dsl.fetchCount(dsl.select(id).from(firsts).where(inRange));
        Map<Long, Names.Named> named = names.of(kind, rows.stream().map(Record3::value1).toList());
        List<Discoveries.Discovery> items = rows.stream().map(r -> new Discoveries.Discovery(kind, r.value1(),
                named.containsKey(r.value1()) ? named.get(r.value1()).name() : null, Instant.ofEpochMilli(r.value2()),
                LocalDate.ofInstant(Instant.ofEpochMilli(r.value2()), range.zone()))).toList();
        return new Discoveries(range, now, total, offset, items);
    }

    /** (id, first_at) of every item the user ever played, aliased "f". */
    static Table<?> firsts(DSLContext dsl, long userId, Entity kind) {
        // first_at is NULL for pairs with skips only: never a discovery
        var plays = STATS_TRACK.USER_ID.eq(userId).and(STATS_TRACK.FIRST_AT.isNotNull());
        return switch (kind) {
            case TRACKS -> dsl.select(STATS_TRACK.TRACK_ID.as("id"), min(STATS_TRACK.FIRST_AT).as("first_at"))
                    .from(STATS_TRACK).where(plays).groupBy(STATS_TRACK.TRACK_ID).asTable("f");
            case ALBUMS -> dsl.select(STATS_TRACK.ALBUM_ID.as("id"), min(STATS_TRACK.FIRST_AT).as("first_at"))
                    .from(STATS_TRACK).where(plays.and(STATS_TRACK.ALBUM_ID.ne(0L))).groupBy(STATS_TRACK.ALBUM_ID)
                    .asTable("f");
            case ARTISTS -> dsl.select(TRACK_ARTISTS.ARTIST_ID.as("id"), min(STATS_TRACK.FIRST_AT).as("first_at"))
                    .from(STATS_TRACK).join(TRACK_ARTISTS).on(TRACK_ARTISTS.TRACK_ID.eq(STATS_TRACK.TRACK_ID))
                    .where(plays).groupBy(TRACK_ARTISTS.ARTIST_ID).asTable("f");
        };
    }
}
