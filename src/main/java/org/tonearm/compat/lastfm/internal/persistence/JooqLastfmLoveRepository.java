package org.tonearm.compat.lastfm.internal.persistence;

import static org.tonearm.schema.Tables.LASTFM_LOVES;

import org.springframework.stereotype.Repository;
import org.tonearm.catalog.NameKeys;
import org.tonearm.shared.Database;

/** {@code lastfm_loves}: track.love / track.unlove, keyed by the catalog's normalized names (docs/api.md#catalog). */
@Repository
public class JooqLastfmLoveRepository {

    private final Database database;

    public JooqLastfmLoveRepository(Database database) {
        this.database = database;
    }

    /** Idempotent: loving a loved track changes nothing (Last.fm answers ok as well). */
    public void love(long userId, String artist, String track, long now) {
        String artistKey = NameKeys.normalize(artist);
        String trackKey = NameKeys.normalize(track);
        database.writeVoid(() -> {
            if (!loved(userId, artistKey, trackKey)) {
                database.dsl().insertInto(LASTFM_LOVES)
                        .set(LASTFM_LOVES.USER_ID, userId).set(LASTFM_LOVES.ARTIST_KEY, artistKey)
                        .set(LASTFM_LOVES.TRACK_KEY, trackKey).set(LASTFM_LOVES.ARTIST, artist)
                        .set(LASTFM_LOVES.TRACK, track).set(LASTFM_LOVES.CREATED_AT, now).execute();
            }
        });
    }

    public void unlove(long userId, String artist, String track) {
        database.writeVoid(() -> database.dsl().deleteFrom(LASTFM_LOVES)
                .where(LASTFM_LOVES.USER_ID.eq(userId)
                        .and(LASTFM_LOVES.ARTIST_KEY.eq(NameKeys.normalize(artist)))
                        .and(LASTFM_LOVES.TRACK_KEY.eq(NameKeys.normalize(track))))
                .execute());
    }

    public boolean isLoved(long userId, String artist, String track) {
        return loved(userId, NameKeys.normalize(artist), NameKeys.normalize(track));
    }

    private boolean loved(long userId, String artistKey, String trackKey) {
        return database.dsl().fetchExists(LASTFM_LOVES, LASTFM_LOVES.USER_ID.eq(userId)
                .and(LASTFM_LOVES.ARTIST_KEY.eq(artistKey)).and(LASTFM_LOVES.TRACK_KEY.eq(trackKey)));
    }
}
