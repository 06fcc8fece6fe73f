package org.tonearm.catalog.internal.enrichment;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.ARTIST_GENRES;
import static org.tonearm.schema.Tables.CATALOG_ENRICHMENT;
import static org.tonearm.schema.Tables.TRACKS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import org.tonearm.catalog.CatalogEnrichment.State;
import org.tonearm.catalog.CatalogEnrichment.Status;
import org.tonearm.catalog.CatalogEnrichment.Task;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.schema.tables.Artists;
import org.tonearm.shared.Database;

/** SQL of the catalog's enrichment tables ({@code catalog_enrichment}, {@code artist_genres}). */
@Repository
class JooqEnrichmentRepository {

    /** New entries noted per kind and call: keeps one seeding write short on SQLite's single writer. */
    static final int SEED_BATCH = 1000;

    private final Database database;

    JooqEnrichmentRepository(Database database) {
        this.database = database;
    }

    private DSLContext dsl() {
        return database.dsl();
    }

    /**
     * Inserts PENDING rows for entries of {@code kind} without one. {@code sweep} false: only ids above the highest
     * noted one (a range of the primary key); true: every id (an anti-join over the kind's table), for ids that a
     * concurrent PostgreSQL transaction committed below that mark.
     */
    int seed(CatalogKind kind, boolean sweep, long now) {
        Table<?> table = table(kind);
        Field<Long> id = table.field("id", Long.class);
        Long mark = sweep ? Long.valueOf(0) : dsl().select(coalesce(max(CATALOG_ENRICHMENT.ENTITY_ID), inline(0L)))
                .from(CATALOG_ENRICHMENT).where(CATALOG_ENRICHMENT.KIND.eq(kind.name())).fetchOne(0, Long.class);
        return dsl().insertInto(CATALOG_ENRICHMENT, CATALOG_ENRICHMENT.KIND, CATALOG_ENRICHMENT.ENTITY_ID,
                        CATALOG_ENRICHMENT.STATUS, CATALOG_ENRICHMENT.ATTEMPTS, CATALOG_ENRICHMENT.NEXT_ATTEMPT_AT,
                        CATALOG_ENRICHMENT.UPDATED_AT)
                .select(select(inline(kind.name()), id, inline(Status.PENDING.name()), inline(0), inline(0L),
                        inline(now))
                        .from(table)
                        .where(id.gt(mark))
                        .and(notExists(selectOne().from(CATALOG_ENRICHMENT)
                                .where(CATALOG_ENRICHMENT.KIND.eq(kind.name()))
                                .and(CATALOG_ENRICHMENT.ENTITY_ID.eq(id))))
                        .orderBy(id).limit(SEED_BATCH))
                .execute();
    }

    /** Due rows: one range of ix_catalog_enrichment_due. */
    List<Record3<String, Long, Integer>> due(long now, int limit) {
        return dsl().select(CATALOG_ENRICHMENT.KIND, CATALOG_ENRICHMENT.ENTITY_ID, CATALOG_ENRICHMENT.ATTEMPTS)
                .from(CATALOG_ENRICHMENT)
                .where(CATALOG_ENRICHMENT.NEXT_ATTEMPT_AT.le(now))
                .orderBy(CATALOG_ENRICHMENT.NEXT_ATTEMPT_AT, CATALOG_ENRICHMENT.KIND, CATALOG_ENRICHMENT.ENTITY_ID)
                .limit(limit).fetch();
    }

    /** What a lookup needs of each entry: name, primary artist's name, submitted MBID. */
    Map<Long, String[]> describe(CatalogKind kind, List<Long> ids) {
        Map<Long, String[]> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Artists credited = ARTISTS.as("credited");
        switch (kind) {
            case ARTIST -> dsl().select(ARTISTS.ID, ARTISTS.NAME, ARTISTS.MBID).from(ARTISTS).where(ARTISTS.ID.in(ids))
                    .forEach(r -> out.put(r.value1(), new String[] {r.value2(), null, r.value3()}));
            case ALBUM -> dsl().select(ALBUMS.ID, ALBUMS.TITLE, credited.NAME, ALBUMS.MBID).from(ALBUMS)
                    .leftJoin(credited).on(credited.ID.eq(ALBUMS.ARTIST_ID)).where(ALBUMS.ID.in(ids))
                    .forEach(r -> out.put(r.value1(), new String[] {r.value2(), r.value3(), r.value4()}));
            case TRACK -> dsl().select(TRACKS.ID, TRACKS.TITLE, credited.NAME, TRACKS.MBID).from(TRACKS)
                    .join(credited).on(credited.ID.eq(TRACKS.ARTIST_ID)).where(TRACKS.ID.in(ids))
                    .forEach(r -> out.put(r.value1(), new String[] {r.value2(), r.value3(), r.value4()}));
        }
        return out;
    }

    void done(CatalogKind kind, long id, String mbid, String country, Integer year, String cover, long now) {
        dsl().update(CATALOG_ENRICHMENT)
                .set(CATALOG_ENRICHMENT.STATUS, Status.DONE.name())
                .set(CATALOG_ENRICHMENT.NEXT_ATTEMPT_AT, (Long) null)
                .set(CATALOG_ENRICHMENT.UPDATED_AT, now)
                .set(CATALOG_ENRICHMENT.LAST_ERROR, (String) null)
                .set(CATALOG_ENRICHMENT.MBID, mbid)
                .set(CATALOG_ENRICHMENT.COUNTRY, country)
                .set(CATALOG_ENRICHMENT.RELEASE_YEAR, year)
                .set(CATALOG_ENRICHMENT.COVER_URL, cover)
                .where(key(kind, id)).execute();
    }

    void genres(long artistId, Map<String, Integer> genres) {
        dsl().deleteFrom(ARTIST_GENRES).where(ARTIST_GENRES.ARTIST_ID.eq(artistId)).execute();
        if (genres.isEmpty()) {
            return;
        }
        var insert = dsl().insertInto(ARTIST_GENRES, ARTIST_GENRES.ARTIST_ID, ARTIST_GENRES.GENRE, ARTIST_GENRES.VOTES);
        for (Map.Entry<String, Integer> g : genres.entrySet()) {
            insert = insert.values(artistId, g.getKey(), g.getValue());
        }
        insert.execute();
    }

    void notFound(CatalogKind kind, long id, long now) {
        dsl().update(CATALOG_ENRICHMENT)
                .set(CATALOG_ENRICHMENT.STATUS, Status.NOT_FOUND.name())
                .set(CATALOG_ENRICHMENT.NEXT_ATTEMPT_AT, (Long) null)
                .set(CATALOG_ENRICHMENT.UPDATED_AT, now)
                .set(CATALOG_ENRICHMENT.LAST_ERROR, (String) null)
                .where(key(kind, id)).execute();
    }

    void failed(CatalogKind kind, long id, String error, Long next, long now) {
        dsl().update(CATALOG_ENRICHMENT)
                .set(CATALOG_ENRICHMENT.STATUS, Status.FAILED.name())
                .set(CATALOG_ENRICHMENT.ATTEMPTS, CATALOG_ENRICHMENT.ATTEMPTS.plus(1))
                .set(CATALOG_ENRICHMENT.NEXT_ATTEMPT_AT, next)
                .set(CATALOG_ENRICHMENT.UPDATED_AT, now)
                .set(CATALOG_ENRICHMENT.LAST_ERROR, error == null ? null
                        : error.length() > 300 ? error.substring(0, 300) : error)
                .where(key(kind, id)).execute();
    }

    Optional<State> state(CatalogKind kind, long id) {
        var r = dsl().selectFrom(CATALOG_ENRICHMENT).where(key(kind, id)).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        List<String> genres = new ArrayList<>();
        if (kind == CatalogKind.ARTIST) {
            dsl().select(ARTIST_GENRES.GENRE).from(ARTIST_GENRES).where(ARTIST_GENRES.ARTIST_ID.eq(id))
                    .orderBy(ARTIST_GENRES.VOTES.desc(), ARTIST_GENRES.GENRE).forEach(g -> genres.add(g.value1()));
        }
        return Optional.of(new State(kind, id, Status.valueOf(r.getStatus()), r.getAttempts(),
                r.getNextAttemptAt() == null ? null : Instant.ofEpochMilli(r.getNextAttemptAt()), r.getLastError(),
                r.getMbid(), r.getCountry(), r.getReleaseYear(), r.getCoverUrl(), List.copyOf(genres)));
    }

    private static org.jooq.Condition key(CatalogKind kind, long id) {
        return CATALOG_ENRICHMENT.KIND.eq(kind.name()).and(CATALOG_ENRICHMENT.ENTITY_ID.eq(id));
    }

    private static Table<?> table(CatalogKind kind) {
        return switch (kind) {
            case ARTIST -> ARTISTS;
            case ALBUM -> ALBUMS;
            case TRACK -> TRACKS;
        };
    }

    static Task task(Record3<String, Long, Integer> due, String[] described) {
        return new Task(CatalogKind.valueOf(due.value1()), due.value2(), described[0], described[1], described[2],
                due.value3());
    }
}
