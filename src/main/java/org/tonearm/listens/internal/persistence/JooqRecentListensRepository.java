package org.tonearm.listens.internal.persistence;

import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.TRACKS;

import java.util.List;
import org.jooq.Condition;
import org.springframework.stereotype.Repository;
import org.tonearm.listens.RecentListens;
import org.tonearm.shared.Database;

/** {@link RecentListens}: a backward range scan of ix_listens_user_time joined to the catalog names. */
@Repository
class JooqRecentListensRepository implements RecentListens {

    private final Database database;

    JooqRecentListensRepository(Database database) {
        this.database = database;
    }

    @Override
    public List<Entry> recent(long userId, Long fromMs, Long toMs, int limit, int offset) {
        return database.dsl()
                .select(LISTENS.ID, LISTENS.LISTENED_AT, TRACKS.TITLE, ARTISTS.NAME, ALBUMS.TITLE, TRACKS.MBID,
                        ARTISTS.MBID, ALBUMS.MBID)
                .from(LISTENS)
                .join(TRACKS).on(TRACKS.ID.eq(LISTENS.TRACK_ID))
                .join(ARTISTS).on(ARTISTS.ID.eq(TRACKS.ARTIST_ID))
                .leftJoin(ALBUMS).on(ALBUMS.ID.eq(LISTENS.ALBUM_ID))
                .where(range(userId, fromMs, toMs))
                .orderBy(LISTENS.LISTENED_AT.desc(), LISTENS.ID.desc())
                .limit(limit).offset(offset)
                .fetch(r -> new Entry(r.get(LISTENS.ID), r.get(LISTENS.LISTENED_AT), r.get(TRACKS.TITLE),
                        r.get(ARTISTS.NAME), r.get(ALBUMS.TITLE), r.get(TRACKS.MBID), r.get(ARTISTS.MBID),
                        r.get(ALBUMS.MBID)));
    }

    @Override
    public long count(long userId, Long fromMs, Long toMs) {
        return database.dsl().fetchCount(LISTENS, range(userId, fromMs, toMs));
    }

    private static Condition range(long userId, Long fromMs, Long toMs) {
        Condition c = LISTENS.USER_ID.eq(userId);
        if (fromMs != null) {
            c = c.and(LISTENS.LISTENED_AT.ge(fromMs));
        }
        if (toMs != null) {
            c = c.and(LISTENS.LISTENED_AT.le(toMs));
        }
        return c;
    }
}
