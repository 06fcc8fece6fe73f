package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.Discoveries;
import org.tonearm.stats.Entity;
import org.tonearm.stats.StatsRange;

/**
 * docs/api.md#statistics: a discovery is the first-ever play (not a skip) of an artist, album or track in the user's whole history;
 * the view lists those inside the range, newest first. Read from the raw listens (the first instant is needed), one
 * GROUP BY over the user's plays.
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
        long total = dsl.fetchCount(dsl.select(id).from(firsts).where(inRange));
        List<Record2<Long, Long>> rows = dsl.select(id, first).from(firsts).where(inRange)
                .orderBy(first.desc(), id.asc()).limit(limit).offset(offset).fetch();
        Map<Long, Names.Named> named = names.of(kind, rows.stream().map(Record2::value1).toList());
        List<Discoveries.Discovery> items = rows.stream().map(r -> new Discoveries.Discovery(kind, r.value1(),
                named.containsKey(r.value1()) ? named.get(r.value1()).name() : null, Instant.ofEpochMilli(r.value2()),
                LocalDate.ofInstant(Instant.ofEpochMilli(r.value2()), range.zone()))).toList();
        return new Discoveries(range, now, total, offset, items);
    }

    /** (id, first_at) of every item the user ever played, aliased "f". */
    static Table<?> firsts(DSLContext dsl, long userId, Entity kind) {
        var plays = LISTENS.USER_ID.eq(userId).and(LISTENS.CLASSIFICATION.ne("SKIP"));
        return switch (kind) {
            case TRACKS -> dsl.select(LISTENS.TRACK_ID.as("id"), min(LISTENS.LISTENED_AT).as("first_at"))
                    .from(LISTENS).where(plays).groupBy(LISTENS.TRACK_ID).asTable("f");
            case ALBUMS -> dsl.select(LISTENS.ALBUM_ID.as("id"), min(LISTENS.LISTENED_AT).as("first_at"))
                    .from(LISTENS).where(plays.and(LISTENS.ALBUM_ID.isNotNull())).groupBy(LISTENS.ALBUM_ID)
                    .asTable("f");
            case ARTISTS -> dsl.select(TRACK_ARTISTS.ARTIST_ID.as("id"), min(LISTENS.LISTENED_AT).as("first_at"))
                    .from(LISTENS).join(TRACK_ARTISTS).on(TRACK_ARTISTS.TRACK_ID.eq(LISTENS.TRACK_ID)).where(plays)
                    .groupBy(TRACK_ARTISTS.ARTIST_ID).asTable("f");
        };
    }
}
