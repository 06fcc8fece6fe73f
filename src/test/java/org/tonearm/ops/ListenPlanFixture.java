package org.tonearm.ops;

import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.LISTEN_SOURCES;
import static org.tonearm.schema.Tables.TRACKS;
import static org.tonearm.schema.Tables.USERS;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.tonearm.shared.DatabaseKind;

/**
 * Loads enough listens that a planner prefers an index on its own merits: 2 users × 2,500 listens over a
 * year (one every ~3.5 h), spread over 200 tracks, with plain jOOQ inserts (not the ingest funnel, which
 * this data only has to look like).
 */
final class ListenPlanFixture {

    static final int USERS_COUNT = 2;
    static final int LISTENS_PER_USER = 2_500;
    static final int TRACKS_COUNT = 200;
    static final long START = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    static final long YEAR_MS = 366L * 24 * 3_600_000;
    static final long DAY_MS = 24L * 3_600_000;

    /** The first user; the queried range (a 90-day span of one import batch); 5 tracks of that batch. */
    record Loaded(long userId, long from, long to, List<Long> batchTrackIds, List<String> batchExternalIds,
            List<String> absorbedExternalIds) {}

    private ListenPlanFixture() {}

    static Loaded load(DSLContext dsl) {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long now = System.currentTimeMillis();
        List<Long> users = new ArrayList<>();
        for (int u = 0; u < USERS_COUNT; u++) {
            users.add(dsl.insertInto(USERS, USERS.USERNAME, USERS.ROLE, USERS.CREATED_AT, USERS.UPDATED_AT)
                    .values("plan" + u + "_" + run, "USER", now, now).returning(USERS.ID).fetchOne(USERS.ID));
        }
        long artist = dsl.insertInto(ARTISTS, ARTISTS.NAME, ARTISTS.NAME_KEY, ARTISTS.CREATED_AT)
                .values("Plan Artist " + run, "plan artist " + run, now).returning(ARTISTS.ID).fetchOne(ARTISTS.ID);
        List<Long> tracks = new ArrayList<>();
        for (int t = 0; t < TRACKS_COUNT; t++) {
            tracks.add(dsl.insertInto(TRACKS, TRACKS.TITLE, TRACKS.ARTIST_ID, TRACKS.TRACK_KEY, TRACKS.CREATED_AT)
                    .values("Song " + t, artist, "plan artist " + run + "|song " + t, now)
                    .returning(TRACKS.ID).fetchOne(TRACKS.ID));
        }
        Random random = new Random(42);
        for (long user : users) {
            // 500 rows per statement keeps every insert under SQLite's and PostgreSQL's bind-variable limits
            for (int chunk = 0; chunk < LISTENS_PER_USER; chunk += 500) {
                var insert = dsl.insertInto(LISTENS, LISTENS.USER_ID, LISTENS.TRACK_ID, LISTENS.LISTENED_AT,
                        LISTENS.DURATION_PLAYED_MS, LISTENS.CLASSIFICATION, LISTENS.WEIGHT, LISTENS.SERVICE,
                        LISTENS.CHANNEL, LISTENS.ORIGIN, LISTENS.EXTERNAL_ID, LISTENS.LOCAL_DAY, LISTENS.LOCAL_HOUR,
                        LISTENS.CREATED_AT, LISTENS.UPDATED_AT);
                for (int i = chunk; i < chunk + 500; i++) {
                    long at = START + i * (YEAR_MS / LISTENS_PER_USER) + random.nextInt(600_000);
                    insert = insert.values(user, tracks.get(random.nextInt(TRACKS_COUNT)), at, 200_000L, "FULL", 1.0,
                            "spotify", "import", "spotify_extended", externalId(user, i), (int) (at / DAY_MS),
                            (short) (at / 3_600_000 % 24), now, now);
                }
                insert.execute();
            }
        }
        // every 10th listen absorbed a second source's report, as merged cross-source plays have
        for (long user : users) {
            List<Long> ids = dsl.select(LISTENS.ID).from(LISTENS).where(LISTENS.USER_ID.eq(user)).orderBy(LISTENS.ID)
                    .fetch(LISTENS.ID);
            var insert = dsl.insertInto(LISTEN_SOURCES, LISTEN_SOURCES.USER_ID, LISTEN_SOURCES.LISTEN_ID,
                    LISTEN_SOURCES.LISTENED_AT, LISTEN_SOURCES.SERVICE, LISTEN_SOURCES.CHANNEL, LISTEN_SOURCES.ORIGIN,
                    LISTEN_SOURCES.EXTERNAL_ID, LISTEN_SOURCES.CREATED_AT);
            for (int i = 0; i < ids.size(); i += 10) {
                insert = insert.values(user, ids.get(i), START, "spotify", "import", "listenbrainz_export",
                        "absorbed-" + user + "-" + i, now);
            }
            insert.execute();
        }
        long from = START + 120 * DAY_MS;
        long first = users.get(0);
        return new Loaded(first, from, from + 90 * DAY_MS, tracks.subList(10, 15),
                List.of(externalId(first, 7), externalId(first, 700), externalId(first, 2_000)),
                List.of("absorbed-" + first + "-10", "absorbed-" + first + "-990"));
    }

    static String externalId(long user, int index) {
        return "2024-01-01T00:00:00Z|spotify:track:" + user + "x" + index;
    }

    /** Fresh statistics, as autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) would have them. */
    static void analyze(DSLContext dsl, DatabaseKind kind) {
        if (kind == DatabaseKind.SQLITE) {
            dsl.execute("analyze");
        } else {
            dsl.execute("analyze listens");
            dsl.execute("analyze listen_sources");
            dsl.execute("analyze tracks");
            dsl.execute("analyze users");
        }
    }
}
