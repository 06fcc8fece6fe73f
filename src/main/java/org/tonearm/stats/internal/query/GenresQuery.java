package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.tonearm.schema.Tables.ARTIST_GENRES;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.Breakdown;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.TopOrder;

/**
 * Top genres (docs/api.md#statistics "Genres, artist map and eras"): a play counts once for each distinct genre of
 * its track's credited artists (the artists' top MusicBrainz tags, catalog table {@code artist_genres}); plays of
 * tracks none of whose artists has a genre are the "unknown" bucket.
 */
@Component
public class GenresQuery {

    private final Database database;

    public GenresQuery(Database database) {
        this.database = database;
    }

    public Breakdown genres(long userId, StatsRange range, TopOrder order, int limit, int offset, Instant now) {
        DSLContext dsl = database.dsl();
        Table<?> t = PlaysByTrack.perTrack(dsl, Slice.of(userId, range));
        // one row per track and genre (NULL: the track has none), however many of its artists carry that genre
        Table<?> perGenre = dsl.select(PlaysByTrack.TRACK, ARTIST_GENRES.GENRE.as("genre"),
                        max(PlaysByTrack.PLAYS).as("plays"), max(PlaysByTrack.TIME).as("time_ms"))
                .from(t)
                .leftJoin(TRACK_ARTISTS.join(ARTIST_GENRES).on(ARTIST_GENRES.ARTIST_ID.eq(TRACK_ARTISTS.ARTIST_ID)))
                .on(TRACK_ARTISTS.TRACK_ID.eq(PlaysByTrack.TRACK))
                .where(PlaysByTrack.PLAYS.gt(0L))
                .groupBy(PlaysByTrack.TRACK, ARTIST_GENRES.GENRE).asTable("g");
        Field<String> genre = field(name("g", "genre"), String.class);
        List<Breakdown.Bucket> all = dsl.select(genre, Sources.longSum(field(name("g", "plays"), Long.class)),
                        Sources.longSum(field(name("g", "time_ms"), Long.class)))
                .from(perGenre).groupBy(genre).fetch(r -> PlaysByTrack.bucket(r.value1(), r.value2(), r.value3(), 0));
        return PlaysByTrack.page(range, now, all, PlaysByTrack.order(order), limit, offset);
    }
}
