package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.LISTEN_SOURCES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.TonearmApplication;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.shared.Database;
import org.tonearm.testsupport.TestDatabase;
import org.tonearm.testsupport.TestUsers;

/**
 * The funnel's invariants against the real database (SQLite and PostgreSQL): any batch ingested twice, or in
 * any order, leaves the same rows and counts. Each try uses fresh users, so tries don't see each other.
 */
class ListenIngestIntegrationProperties {

    private static final long T0 = 1_714_594_200_000L;
    private static ConfigurableApplicationContext context;

    private static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            // as arguments: application.yaml would outrank builder default properties (port, data dir)
            List<String> args = new ArrayList<>(List.of("--server.port=0"));
            TestDatabase.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
            context = new SpringApplicationBuilder(TonearmApplication.class).run(args.toArray(String[]::new));
            if (TestDatabase.isPostgres()) {
                analyzeWithAnotherUsersHistory(context.getBean(ListenService.class), context.getBean(Database.class));
            }
        }
        return context;
    }

    /**
     * Issue #19 item 7: on PostgreSQL the invariants must hold for users missing from the planner statistics,
     * the state in which it once chose ix_listens_user_album for the funnel's lookups. So before the first try
     * another user's 20,000 listens are written (one INSERT … SELECT, well under a second) and the tables
     * analyzed: every try's users are created afterwards, unknown to pg_statistic, as on a live instance with
     * autovacuum off.
     */
    private static void analyzeWithAnotherUsersHistory(ListenService listens, Database db) {
        long other = TestUsers.create(db, "UTC");
        long seed = listens.ingest(new IncomingListen(other, new TrackCredit("Seed Artist", List.of(), "Seed Track",
                "Seed Album", 180_000L, Identifiers.NONE), T0 - 400L * 24 * 3_600_000, TimeStamp.START, 180_000L,
                Service.SPOTIFY, Channel.IMPORT, "spotify_extended", null, "seed", null, null)).listenId();
        db.writeVoid(() -> {
            db.dsl().execute("insert into listens (user_id, track_id, album_id, listened_at, duration_played_ms,"
                    + " track_length_ms, classification, weight, service, channel, origin, external_id, local_day,"
                    + " local_hour, merge_count, created_at, updated_at) select user_id, track_id, album_id,"
                    + " listened_at + g * 180000::bigint, duration_played_ms, track_length_ms, classification, weight, service,"
                    + " channel, origin, 'seed-' || g, local_day, local_hour, 0, created_at, updated_at"
                    + " from listens, generate_series(1, 20000) g where id = ?", seed);
            db.dsl().execute("analyze listens, listen_sources, users");
        });
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private record Item(int artist, int track, long offsetMs, int source, Long playedMs, String externalId) {}

    @Property(tries = 25)
    void ingestingABatchTwiceLeavesTheSameRows(@ForAll("batches") List<Item> items) {
        ListenService listens = context().getBean(ListenService.class);
        Database db = context().getBean(Database.class);
        long user = TestUsers.create(db, "Europe/Berlin");
        List<IncomingListen> batch = toListens(user, items);
        listens.ingestBatch(batch);
        List<String> once = rows(db, user);
        List<IngestResult> again = listens.ingestBatch(batch);
        assertThat(again).extracting(IngestResult::status).containsOnly(IngestStatus.DUPLICATE);
        assertThat(rows(db, user)).isEqualTo(once);
    }

    @Property(tries = 25)
    void anyOrderOfABatchLeavesTheSameRows(@ForAll("batches") List<Item> items, @ForAll long seed) {
        ListenService listens = context().getBean(ListenService.class);
        Database db = context().getBean(Database.class);
        long first = TestUsers.create(db, "UTC");
        long second = TestUsers.create(db, "UTC");
        List<IngestResult> inOrder = listens.ingestBatch(toListens(first, items));
        List<Item> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed));
        listens.ingestBatch(toListens(second, shuffled));
        assertThat(rows(db, second)).isEqualTo(rows(db, first));
        assertThat(inOrder.stream().filter(r -> r.status() == IngestStatus.CREATED).count())
                .isEqualTo(db.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(first)));
    }

    /**
     * One play reported through the four protocols a player can speak (ListenBrainz, Last.fm, Audioscrobbler, the
     * native API), each up to 20 s off and in any order, one batch per protocol as separate clients send them:
     * stored once per play (docs/api.md#deduplication cross-source deduplication), whatever the order.
     */
    @Property(tries = 15)
    void aPlayReportedThroughFourProtocolsIsStoredOnce(@ForAll("plays") List<Integer> plays, @ForAll long seed) {
        ListenService listens = context().getBean(ListenService.class);
        Database db = context().getBean(Database.class);
        long user = TestUsers.create(db, "UTC");
        Random random = new Random(seed);
        List<Channel> channels = new ArrayList<>(List.of(Channel.LISTENBRAINZ_API, Channel.LASTFM_API,
                Channel.AUDIOSCROBBLER_API, Channel.NATIVE_API));
        Collections.shuffle(channels, random);
        for (Channel channel : channels) {
            List<IncomingListen> batch = new ArrayList<>();
            for (int p = 0; p < plays.size(); p++) {
                // plays 10 minutes apart: further than any deduplication window, so each is its own play
                batch.add(new IncomingListen(user, new TrackCredit("Artist " + plays.get(p), List.of(),
                        "Track " + plays.get(p), null, 180_000L, Identifiers.NONE),
                        T0 + p * 600_000L + random.nextInt(20_001), TimeStamp.START, null, Service.OTHER, channel,
                        null, channel.wire(), null, null, null));
            }
            Collections.shuffle(batch, random);
            listens.ingestBatch(batch);
        }
        assertThat(db.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(user))).isEqualTo(plays.size());
        assertThat(db.dsl().fetchCount(LISTEN_SOURCES, LISTEN_SOURCES.USER_ID.eq(user))).isEqualTo(3 * plays.size());
    }

    @Provide
    Arbitrary<List<Integer>> plays() {
        return Arbitraries.integers().between(1, 4).list().ofMinSize(1).ofMaxSize(12);
    }

    /** Every stored fact of a user's listens except ids, sorted: what a user could see. */
    private static List<String> rows(Database db, long user) {
        List<String> rows = new ArrayList<>(db.dsl().select(LISTENS.TRACK_ID, LISTENS.ALBUM_ID, LISTENS.LISTENED_AT,
                        LISTENS.DURATION_PLAYED_MS, LISTENS.CLASSIFICATION, LISTENS.WEIGHT, LISTENS.SERVICE,
                        LISTENS.CHANNEL, LISTENS.EXTERNAL_ID, LISTENS.MERGE_COUNT, LISTENS.LOCAL_DAY, LISTENS.LOCAL_HOUR)
                .from(LISTENS).where(LISTENS.USER_ID.eq(user)).fetch().map(r -> r.formatCSV(false).trim()));
        db.dsl().select(LISTEN_SOURCES.LISTENED_AT, LISTEN_SOURCES.SERVICE, LISTEN_SOURCES.EXTERNAL_ID)
                .from(LISTEN_SOURCES).where(LISTEN_SOURCES.USER_ID.eq(user)).fetch()
                .forEach(r -> rows.add("absorbed:" + r.formatCSV(false).trim()));
        Collections.sort(rows);
        return rows;
    }

    private static final Service[] SERVICES = {Service.SPOTIFY, Service.OTHER, Service.APPLE_MUSIC};
    private static final Channel[] CHANNELS = {Channel.LISTENBRAINZ_API, Channel.LASTFM_API, Channel.IMPORT};

    private static List<IncomingListen> toListens(long user, List<Item> items) {
        return items.stream().map(i -> new IncomingListen(user,
                new TrackCredit("Artist " + i.artist(), List.of(), "Track " + i.track(), "Album " + i.artist(),
                        180_000L, Identifiers.NONE),
                T0 + i.offsetMs(), TimeStamp.START, i.playedMs(), SERVICES[i.source()], CHANNELS[i.source()],
                i.source() == 2 ? "spotify_extended" : null, null, i.externalId(), null, null)).toList();
    }

    @Provide
    Arbitrary<List<Item>> batches() {
        return Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 3),
                        Arbitraries.longs().between(0, 900_000), Arbitraries.integers().between(0, 2),
                        Arbitraries.longs().between(5_000, 240_000).injectNull(0.3),
                        Arbitraries.of("x1", "x2", "x3").injectNull(0.7))
                .as(Item::new).list().ofMinSize(1).ofMaxSize(25);
    }
}
