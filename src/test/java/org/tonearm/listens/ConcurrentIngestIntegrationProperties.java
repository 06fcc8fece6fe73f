package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.LISTEN_SOURCES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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
 * Issue #19 item 4: deduplication stays exact per user while batches of many users are written concurrently (on
 * PostgreSQL in several transactions at once, GroupCommitLanes; on SQLite through its one writer). Several clients
 * send, in a random order and at the same time, the same plays of many users through the four protocols a player
 * can speak, each report up to 20 s off, and every batch twice (a client retrying): every play is stored once, with
 * the other three protocols' reports absorbed (docs/api.md#deduplication), whatever the interleaving.
 */
class ConcurrentIngestIntegrationProperties {

    private static final long T0 = 1_714_594_200_000L;
    private static final List<Channel> PROTOCOLS = List.of(Channel.LISTENBRAINZ_API, Channel.LASTFM_API,
            Channel.AUDIOSCROBBLER_API, Channel.NATIVE_API);
    private static ConfigurableApplicationContext context;
    private static ExecutorService clients;

    private static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            List<String> args = new ArrayList<>(List.of("--server.port=0"));
            TestDatabase.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
            context = new SpringApplicationBuilder(TonearmApplication.class).run(args.toArray(String[]::new));
            clients = Executors.newFixedThreadPool(6);
        }
        return context;
    }

    @AfterContainer
    static void close() {
        if (clients != null) {
            clients.shutdownNow();
            clients = null;
        }
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Property(tries = 12)
    void everyPlayIsStoredOnceWhateverTheInterleavingOfUsersClientsAndProtocols(
            @ForAll @IntRange(min = 2, max = 8) int users, @ForAll("plays") List<Integer> plays,
            @ForAll boolean mixUsersInABatch, @ForAll long seed) throws Exception {
        ListenService listens = context().getBean(ListenService.class);
        Database db = context().getBean(Database.class);
        Random random = new Random(seed);
        List<Long> ids = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            ids.add(TestUsers.create(db, "UTC"));
        }
        // one batch per protocol and user (or, like an import of several accounts, per protocol for all users)
        List<List<IncomingListen>> batches = new ArrayList<>();
        for (Channel channel : PROTOCOLS) {
            List<IncomingListen> mixed = new ArrayList<>();
            for (long user : ids) {
                List<IncomingListen> batch = mixUsersInABatch ? mixed : new ArrayList<>();
                for (int p = 0; p < plays.size(); p++) {
                    // plays 10 minutes apart: further than any deduplication window, so each is its own play
                    batch.add(new IncomingListen(user, new TrackCredit("Artist " + plays.get(p), List.of(),
                            "Track " + plays.get(p), null, 180_000L, Identifiers.NONE),
                            T0 + p * 600_000L + random.nextInt(20_001), TimeStamp.START, null, Service.OTHER, channel,
                            null, channel.wire(), null, null, null));
                }
                if (!mixUsersInABatch) {
                    batches.add(batch);
                }
            }
            if (mixUsersInABatch) {
                batches.add(mixed);
            }
        }
        List<List<IncomingListen>> sends = new ArrayList<>();
        for (List<IncomingListen> batch : batches) {
            List<IncomingListen> shuffled = new ArrayList<>(batch);
            Collections.shuffle(shuffled, random);
            sends.add(shuffled);
            sends.add(List.copyOf(shuffled)); // the same batch again, as a client retrying after a lost answer
        }
        Collections.shuffle(sends, random);
        List<Future<List<IngestResult>>> answers = new ArrayList<>();
        for (List<IncomingListen> send : sends) {
            answers.add(clients.submit(() -> listens.ingestBatch(send)));
        }
        long created = 0;
        for (Future<List<IngestResult>> answer : answers) {
            created += answer.get(60, TimeUnit.SECONDS).stream().filter(r -> r.status() == IngestStatus.CREATED)
                    .count();
        }
        assertThat(created).isEqualTo((long) users * plays.size());
        for (long user : ids) {
            assertThat(db.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(user))).isEqualTo(plays.size());
            assertThat(db.dsl().fetchCount(LISTEN_SOURCES, LISTEN_SOURCES.USER_ID.eq(user)))
                    .isEqualTo(3 * plays.size());
        }
    }

    @Provide
    Arbitrary<List<Integer>> plays() {
        return Arbitraries.integers().between(1, 4).list().ofMinSize(1).ofMaxSize(10);
    }
}
