package org.tonearm.listens.internal.persistence;

import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.TRACKS;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.tonearm.catalog.CatalogCandidates;
import org.tonearm.catalog.NameKeys;
import org.tonearm.listens.ListenHistory;
import org.tonearm.schema.tables.records.ListensRecord;
import org.tonearm.shared.Database;
import org.tonearm.shared.DatabaseKind;

/**
 * The read side of listens (the funnel owns the writes): the native API's pages, the compatibility protocols' time
 * windows (ListenHistory) and the catalog visibility probe — one place, so a window means the same rows everywhere. Every query is scoped by {@code user_id}, so one
 * user never sees another's rows (docs/api.md#accounts-and-authentication); {@link #listenedAmong} is scoped by the set of users whose listens the
 * caller may see.
 */
@Repository
public class ListenQueryRepository {

    private static final char LIKE_ESCAPE = '!';

    private final Database database;

    public ListenQueryRepository(Database database) {
        this.database = database;
    }

    public Optional<ListenRow> find(long userId, long id) {
        return database.dsl().selectFrom(LISTENS)
                .where(LISTENS.USER_ID.eq(userId), LISTENS.ID.eq(id))
                .fetchOptional()
                .map(ListenQueryRepository::toRow);
    }

    public List<ListenRow> findAll(long userId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return database.dsl().selectFrom(LISTENS)
                .where(LISTENS.USER_ID.eq(userId), LISTENS.ID.in(ids))
                .fetch(ListenQueryRepository::toRow);
    }

    /**
     * One page, newest first. A backward range scan of ix_listens_user_time (user_id, listened_at, id):
     * the keyset position and the from/to bounds are ranges on that index, every other filter is a
     * residual check on the rows it yields, and the scan stops after {@code limit + 1} rows, which tells
     * whether another page exists. Returns up to {@code limit + 1} rows.
     */
    public List<ListenRow> page(ListenFilter filter) {
        return pageQuery(filter).fetch(r -> toRow(r.into(LISTENS)));
    }

    /** The page query itself; package-visible so a test can check its plan on both databases. */
    ResultQuery<Record> pageQuery(ListenFilter filter) {
        return database.dsl().select(LISTENS.fields())
                .from(timeOrderedListens())
                .where(conditions(filter))
                .orderBy(LISTENS.LISTENED_AT.desc(), LISTENS.ID.desc())
                .limit(filter.limit() + 1);
    }

    /**
     * The listens of the half-open window {@code fromMs <= listened_at < toMs} (null bounds are open) from its
     * newest end (or its oldest when {@code oldestFirst}), skipping {@code offset}: a range scan of
     * ix_listens_user_time in either direction (ListenHistory.window).
     */
    public List<ListensRecord> window(long userId, Long fromMs, Long toMs, int limit, int offset,
            boolean oldestFirst) {
        if (limit <= 0) {
            return List.of();
        }
        return database.dsl().select(LISTENS.fields())
                .from(timeOrderedListens())
                .where(window(userId, fromMs, toMs))
                .orderBy(oldestFirst ? LISTENS.LISTENED_AT.asc() : LISTENS.LISTENED_AT.desc(),
                        oldestFirst ? LISTENS.ID.asc() : LISTENS.ID.desc())
                .limit(limit).offset(offset)
                .fetch(r -> r.into(LISTENS));
    }

    /**
     * One page of the window newest first with the primary artist's, the track's and the album's names and mbids,
     * joined in the same statement (ListenHistory.page, Last.fm's user.getRecentTracks).
     */
    public List<ListenHistory.Entry> namedPage(long userId, Long fromMs, Long toMs, int limit, int offset) {
        if (limit <= 0) {
            return List.of();
        }
        return database.dsl()
                .select(LISTENS.ID, LISTENS.LISTENED_AT, TRACKS.TITLE, ARTISTS.NAME, ALBUMS.TITLE, TRACKS.MBID,
                        ARTISTS.MBID, ALBUMS.MBID)
                .from(timeOrderedListens())
                .join(TRACKS).on(TRACKS.ID.eq(LISTENS.TRACK_ID))
                .join(ARTISTS).on(ARTISTS.ID.eq(TRACKS.ARTIST_ID))
                .leftJoin(ALBUMS).on(ALBUMS.ID.eq(LISTENS.ALBUM_ID))
                .where(window(userId, fromMs, toMs))
                .orderBy(LISTENS.LISTENED_AT.desc(), LISTENS.ID.desc())
                .limit(limit).offset(offset)
                .fetch(r -> new ListenHistory.Entry(r.get(LISTENS.ID), r.get(LISTENS.LISTENED_AT),
                        r.get(TRACKS.TITLE), r.get(ARTISTS.NAME), r.get(ALBUMS.TITLE), r.get(TRACKS.MBID),
                        r.get(ARTISTS.MBID), r.get(ALBUMS.MBID)));
    }

    /** How many listens the window holds: an index-only count over ix_listens_user_time. */
    public long count(long userId, Long fromMs, Long toMs) {
        return database.dsl().fetchCount(database.dsl().selectOne().from(LISTENS)
                .where(window(userId, fromMs, toMs)));
    }

    /** count, min and max of listened_at of the user's listens in one index-only aggregate. */
    public Record span(long userId) {
        return database.dsl()
                .select(DSL.count(), DSL.min(LISTENS.LISTENED_AT), DSL.max(LISTENS.LISTENED_AT))
                .from(LISTENS)
                .where(LISTENS.USER_ID.eq(userId))
                .fetchOne();
    }

    private static Condition window(long userId, Long fromMs, Long toMs) {
        Condition c = LISTENS.USER_ID.eq(userId);
        if (fromMs != null) {
            c = c.and(LISTENS.LISTENED_AT.ge(fromMs));
        }
        if (toMs != null) {
            c = c.and(LISTENS.LISTENED_AT.lt(toMs));
        }
        return c;
    }

    /**
     * SQLite's planner may prefer ix_listens_user_track_time when a track filter is present and then sort;
     * INDEXED BY pins the time-ordered index so every page stays a bounded scan. PostgreSQL picks it on
     * its own for ORDER BY ... LIMIT.
     */
    private Table<?> timeOrderedListens() {
        return database.kind() == DatabaseKind.SQLITE
                ? DSL.table("{0} indexed by ix_listens_user_time", LISTENS)
                : LISTENS;
    }

    private static List<Condition> conditions(ListenFilter f) {
        List<Condition> c = new ArrayList<>();
        c.add(window(f.userId(), f.fromMs(), f.toMs()));
        if (f.after() != null) {
            long at = f.after().listenedAt();
            // the first conjunct bounds the index range; the second breaks ties on id
            c.add(LISTENS.LISTENED_AT.le(at));
            c.add(LISTENS.LISTENED_AT.lt(at).or(LISTENS.LISTENED_AT.eq(at).and(LISTENS.ID.lt(f.after().id()))));
        }
        if (f.artistId() != null) {
            c.add(LISTENS.TRACK_ID.in(DSL.select(TRACK_ARTISTS.TRACK_ID).from(TRACK_ARTISTS)
                    .where(TRACK_ARTISTS.ARTIST_ID.eq(f.artistId()))));
        }
        if (f.artistKey() != null) {
            c.add(LISTENS.TRACK_ID.in(DSL.select(TRACK_ARTISTS.TRACK_ID).from(TRACK_ARTISTS)
                    .join(ARTISTS).on(ARTISTS.ID.eq(TRACK_ARTISTS.ARTIST_ID))
                    .where(ARTISTS.NAME_KEY.eq(f.artistKey()))));
        }
        if (f.albumId() != null) {
            c.add(LISTENS.ALBUM_ID.eq(f.albumId()));
        }
        if (f.albumTitleKey() != null) {
            c.add(LISTENS.ALBUM_ID.in(DSL.select(ALBUMS.ID).from(ALBUMS)
                    .where(ALBUMS.ALBUM_KEY.like(titleKeySuffix(f.albumTitleKey()), LIKE_ESCAPE))));
        }
        if (f.trackId() != null) {
            c.add(LISTENS.TRACK_ID.eq(f.trackId()));
        }
        if (f.trackTitleKey() != null) {
            c.add(LISTENS.TRACK_ID.in(DSL.select(TRACKS.ID).from(TRACKS)
                    .where(TRACKS.TRACK_KEY.like(titleKeySuffix(f.trackTitleKey()), LIKE_ESCAPE))));
        }
        if (f.service() != null) {
            c.add(LISTENS.SERVICE.eq(f.service()));
        }
        if (f.q() != null) {
            c.add(matchesText(f.q()));
        }
        return c;
    }

    /**
     * The ids among {@code candidates} that one of {@code userIds} has a listen of, closest first (closeness, then
     * id), at most {@code limit}: one statement whatever the number of candidates, a semi-join on the listens of
     * those users (docs/api.md#accounts-and-authentication catalog visibility). Every classification counts, SKIP included: a skipped track is
     * still in that user's history. Tracks are probed through ix_listens_user_track_time (user_id, track_id),
     * albums through ix_listens_user_album (user_id, album_id), artists through their credits
     * (ix_track_artists_artist) and then the track index.
     */
    public List<Long> listenedAmong(Collection<Long> userIds, CatalogCandidates candidates, int limit) {
        return listenedAmongQuery(userIds, candidates, limit).fetch(0, Long.class);
    }

    /** The statement of {@link #listenedAmong}; package-visible so a test can check its plan on both databases. */
    ResultQuery<Record1<Long>> listenedAmongQuery(Collection<Long> userIds, CatalogCandidates candidates, int limit) {
        Table<?> c = candidates.query().asTable("candidates");
        Field<Long> id = c.field(CatalogCandidates.ID, Long.class);
        Field<Integer> closeness = c.field(CatalogCandidates.CLOSENESS, Integer.class);
        Condition byThoseUsers = LISTENS.USER_ID.in(userIds);
        Condition listened = switch (candidates.kind()) {
            case TRACK -> DSL.exists(DSL.selectOne().from(LISTENS).where(byThoseUsers, LISTENS.TRACK_ID.eq(id)));
            case ALBUM -> DSL.exists(DSL.selectOne().from(LISTENS).where(byThoseUsers, LISTENS.ALBUM_ID.eq(id)));
            // a join, not "track_id in (select … where artist_id = c.id)": PostgreSQL runs that correlated IN as a
            // SubPlan filter over every listen of those users, once per candidate (minutes on a 1M-listen table,
            // docs/query-plans.md); the join is a probe of ix_track_artists_artist, then of the track index. CROSS JOIN
            // keeps that order on SQLite, whose planner otherwise may (sqlite_stat1 taken from a small table) walk all
            // of a user's listens and probe the credits per listen; PostgreSQL plans it as any inner join
            case ARTIST -> DSL.exists(DSL.selectOne().from(TRACK_ARTISTS)
                    .crossJoin(LISTENS)
                    .where(LISTENS.TRACK_ID.eq(TRACK_ARTISTS.TRACK_ID), TRACK_ARTISTS.ARTIST_ID.eq(id), byThoseUsers));
        };
        return database.dsl().select(id).from(c).where(listened).orderBy(closeness, id).limit(limit);
    }

    /**
     * {@code q}: a case-insensitive substring of the track title, any credited artist's name or the album
     * title. lower() folds ASCII on SQLite and full Unicode on PostgreSQL; good enough for a search box.
     */
    private static Condition matchesText(String q) {
        Field<String> pattern = lower("%" + escapeLike(q) + "%");
        return LISTENS.TRACK_ID.in(DSL.select(TRACKS.ID).from(TRACKS)
                        .where(DSL.lower(TRACKS.TITLE).like(pattern, LIKE_ESCAPE)))
                .or(LISTENS.TRACK_ID.in(DSL.select(TRACK_ARTISTS.TRACK_ID).from(TRACK_ARTISTS)
                        .join(ARTISTS).on(ARTISTS.ID.eq(TRACK_ARTISTS.ARTIST_ID))
                        .where(DSL.lower(ARTISTS.NAME).like(pattern, LIKE_ESCAPE))))
                .or(LISTENS.ALBUM_ID.in(DSL.select(ALBUMS.ID).from(ALBUMS)
                        .where(DSL.lower(ALBUMS.TITLE).like(pattern, LIKE_ESCAPE))));
    }

    /**
     * Track and album keys are "artist key SEP title key" (catalog NameKeys.compose), so a title's key is
     * matched as the suffix after the separator, whoever the artist.
     */
    private static String titleKeySuffix(String titleKey) {
        return "%" + NameKeys.SEPARATOR + escapeLike(titleKey);
    }

    static String escapeLike(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == LIKE_ESCAPE) {
                b.append(LIKE_ESCAPE);
            }
            b.append(ch);
        }
        return b.toString();
    }

    /**
     * Lower-cased by the database, like the column it is compared with, so both sides fold the same way
     * (SQLite's lower() folds ASCII only, PostgreSQL's all of Unicode).
     */
    private static Field<String> lower(String s) {
        return DSL.lower(DSL.val(s));
    }

    static ListenRow toRow(Record record) {
        ListensRecord r = record.into(LISTENS);
        return new ListenRow(r.getId(), r.getUserId(), r.getTrackId(), r.getAlbumId(), r.getListenedAt(),
                r.getDurationPlayedMs(), r.getTrackLengthMs(), r.getClassification(),
                r.getWeight() == null ? 0 : r.getWeight(), r.getService(), r.getChannel(), r.getClient(),
                r.getExternalId(), r.getExtra(), r.getMergeCount() == null ? 0 : r.getMergeCount());
    }
}
