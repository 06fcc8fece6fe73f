package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.tonearm.schema.Tables.CATALOG_ENRICHMENT;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.tonearm.schema.tables.CatalogEnrichment;
import org.tonearm.shared.Database;
import org.tonearm.stats.Breakdown;
import org.tonearm.stats.StatsRange;

/**
 * Plays per release decade (docs/api.md#statistics "Genres, artist map and eras"): a play's year is its track's
 * first release (the MusicBrainz recording's first-release-date), else the release year of the album it was played
 * from; the decade is that year rounded down to ten. Plays with neither are "unknown". Oldest decade first.
 */
@Component
public class ErasQuery {

    private final Database database;

    public ErasQuery(Database database) {
        this.database = database;
    }

    public Breakdown eras(long userId, StatsRange range, Instant now) {
        DSLContext dsl = database.dsl();
        Table<?> t = PlaysByTrack.perTrackAndAlbum(dsl, Slice.of(userId, range));
        CatalogEnrichment track = CATALOG_ENRICHMENT.as("et");
        CatalogEnrichment album = CATALOG_ENRICHMENT.as("ea");
        Field<Integer> year = coalesce(track.RELEASE_YEAR, album.RELEASE_YEAR);
        // integer division on both databases: the decade's first year
        Table<?> years = dsl.select(year.div(inline(10)).mul(inline(10)).as("decade"), PlaysByTrack.PLAYS,
                        PlaysByTrack.TIME)
                .from(t)
                .leftJoin(track).on(track.KIND.eq(inline("TRACK"))).and(track.ENTITY_ID.eq(PlaysByTrack.TRACK))
                .leftJoin(album).on(album.KIND.eq(inline("ALBUM"))).and(album.ENTITY_ID.eq(PlaysByTrack.ALBUM))
                .where(PlaysByTrack.PLAYS.gt(0L)).asTable("y");
        Field<Integer> decade = field(name("y", "decade"), Integer.class);
        List<Breakdown.Bucket> all = dsl.select(decade, Sources.longSum(field(name("y", "plays"), Long.class)),
                        Sources.longSum(field(name("y", "time_ms"), Long.class)))
                .from(years).groupBy(decade)
                .fetch(r -> PlaysByTrack.bucket(r.value1() == null ? null : String.valueOf(r.value1()), r.value2(),
                        r.value3(), 0));
        return PlaysByTrack.page(range, now, all,
                Comparator.comparingInt((Breakdown.Bucket b) -> Integer.parseInt(b.key())), Integer.MAX_VALUE, 0);
    }
}
