package org.tonearm.stats.internal.query;

import static org.tonearm.schema.Tables.ARTIST_GENRES;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
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
        List<Breakdown.Bucket> all = PlaysByTrack.perLabel(dsl, t,
                TRACK_ARTISTS.join(ARTIST_GENRES).on(ARTIST_GENRES.ARTIST_ID.eq(TRACK_ARTISTS.ARTIST_ID)),
                ARTIST_GENRES.GENRE, genre -> 0);
        return PlaysByTrack.page(range, now, all, PlaysByTrack.order(order), limit, offset);
    }
}
