package org.tonearm.catalog.internal.persistence;

import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.TRACKS;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.tonearm.catalog.internal.persistence.CatalogRows.Credited;
import org.tonearm.catalog.internal.persistence.CatalogRows.TrackArtist;
import org.tonearm.shared.Database;
import org.tonearm.shared.DatabaseKind;

/**
 * The SQL of credits that grow (docs/api.md#catalog "Credits that grow"): read a track's credited artists with their
 * identity keys, lock the tracks being grown, and rewrite their featured credits. Runs inside the caller's write
 * transaction.
 */
@Repository
public class JooqTrackCreditRepository {

    private final Database database;

    JooqTrackCreditRepository(Database database) {
        this.database = database;
    }

    private DSLContext dsl() {
        return database.dsl();
    }

    /**
     * Serializes growers of the same tracks. PostgreSQL: {@code FOR NO KEY UPDATE} in id order (a consistent order,
     * so two growers cannot deadlock on these rows; "no key" so that listens inserted meanwhile, whose foreign key
     * check takes {@code FOR KEY SHARE} on the track, are not blocked). SQLite: the single writer already serializes.
     */
    public void lock(Collection<Long> trackIds) {
        if (database.kind() != DatabaseKind.POSTGRES) {
            return;
        }
        for (List<Long> chunk : Chunks.of(trackIds.stream().sorted().toList(), Chunks.IN_LIST)) {
            dsl().select(TRACKS.ID).from(TRACKS).where(TRACKS.ID.in(chunk)).orderBy(TRACKS.ID).forNoKeyUpdate()
                    .fetch();
        }
    }

    /** Each track's credited artists in position order (primary first), with their identity keys. */
    public Map<Long, List<Credited>> credits(Collection<Long> trackIds) {
        Map<Long, List<Credited>> credits = new HashMap<>(trackIds.size() * 2);
        for (List<Long> chunk : Chunks.of(trackIds, Chunks.IN_LIST)) {
            dsl().select(TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.ARTIST_ID, ARTISTS.NAME_KEY)
                    .from(TRACK_ARTISTS).join(ARTISTS).on(ARTISTS.ID.eq(TRACK_ARTISTS.ARTIST_ID))
                    .where(TRACK_ARTISTS.TRACK_ID.in(chunk))
                    .orderBy(TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.POSITION)
                    .forEach(r -> credits.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(new Credited(r.value2(), r.value3())));
        }
        return credits;
    }

    /**
     * Replaces the featured credits (positions 1…) of these tracks with {@code rows}; the primary credit (position 0)
     * is the track's identity and never changes. Two statements per chunk, whatever the number of tracks.
     */
    public void replaceFeatured(Collection<Long> trackIds, List<TrackArtist> rows) {
        for (List<Long> chunk : Chunks.of(trackIds, Chunks.IN_LIST)) {
            dsl().deleteFrom(TRACK_ARTISTS).where(TRACK_ARTISTS.TRACK_ID.in(chunk)).and(TRACK_ARTISTS.POSITION.gt(0))
                    .execute();
        }
        for (List<TrackArtist> chunk : Chunks.forInsert(rows, 4)) {
            var insert = dsl().insertInto(TRACK_ARTISTS, TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.POSITION,
                    TRACK_ARTISTS.ARTIST_ID, TRACK_ARTISTS.ROLE);
            for (TrackArtist ta : chunk) {
                insert = insert.values(ta.trackId(), ta.position(), ta.artistId(), ta.role());
            }
            insert.execute();
        }
    }
}
