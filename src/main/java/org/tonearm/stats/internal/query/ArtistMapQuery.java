package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.tonearm.schema.Tables.CATALOG_ENRICHMENT;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;
import org.tonearm.stats.Breakdown;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.TopOrder;

/**
 * Plays per artist country (docs/api.md#statistics "Genres, artist map and eras"): a play counts once for each
 * distinct country (ISO 3166-1 alpha-2, from MusicBrainz) of its track's credited artists, and each country says how
 * many distinct artists of it were played; plays of tracks with no artist of known country are "unknown".
 */
@Component
public class ArtistMapQuery {

    private static final String ARTIST = "ARTIST";

    private final Database database;

    public ArtistMapQuery(Database database) {
        this.database = database;
    }

    public Breakdown artistMap(long userId, StatsRange range, TopOrder order, int limit, int offset, Instant now) {
        DSLContext dsl = database.dsl();
        Table<?> t = PlaysByTrack.perTrack(dsl, Slice.of(userId, range));
        Table<?> credited = TRACK_ARTISTS.join(CATALOG_ENRICHMENT)
                .on(CATALOG_ENRICHMENT.KIND.eq(inline(ARTIST)))
                .and(CATALOG_ENRICHMENT.ENTITY_ID.eq(TRACK_ARTISTS.ARTIST_ID))
                .and(CATALOG_ENRICHMENT.COUNTRY.isNotNull());
        Map<String, Long> artists = new HashMap<>();
        dsl.select(CATALOG_ENRICHMENT.COUNTRY, countDistinct(TRACK_ARTISTS.ARTIST_ID))
                .from(t).join(credited).on(TRACK_ARTISTS.TRACK_ID.eq(PlaysByTrack.TRACK))
                .where(PlaysByTrack.PLAYS.gt(0L))
                .groupBy(CATALOG_ENRICHMENT.COUNTRY)
                .forEach(r -> artists.put(r.value1(), r.value2().longValue()));
        List<Breakdown.Bucket> all = PlaysByTrack.perLabel(dsl, t, credited, CATALOG_ENRICHMENT.COUNTRY,
                c -> artists.getOrDefault(c, 0L));
        return PlaysByTrack.page(range, now, all, PlaysByTrack.order(order), limit, offset);
    }
}
