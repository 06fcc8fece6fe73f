package org.tonearm.listens.internal.dedup;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.tonearm.listens.Channel;
import org.tonearm.listens.IngestStatus;
import org.tonearm.listens.Service;
import org.tonearm.listens.internal.dedup.DedupFixtures.Store;

/**
 * Invariants of deduplication over batches crowded with near-collisions (few users, tracks and sources,
 * starts within minutes of each other): a batch sent twice changes nothing, and order never matters.
 */
class DeduplicatorProperties {

    @Property(tries = 300)
    void sendingABatchTwiceChangesNothing(@ForAll("batches") List<PreparedListen> batch) {
        Store store = new Store();
        store.ingest(batch);
        List<String> once = store.snapshot();
        List<Decision> again = store.ingest(batch);
        assertThat(again).extracting(Decision::status).containsOnly(IngestStatus.DUPLICATE);
        assertThat(store.snapshot()).isEqualTo(once);
    }

    @Property(tries = 300)
    void anyPermutationOfABatchGivesTheSameRows(@ForAll("batches") List<PreparedListen> batch, @ForAll long seed) {
        Store inOrder = new Store();
        inOrder.ingest(batch);
        List<PreparedListen> shuffled = new ArrayList<>(batch);
        Collections.shuffle(shuffled, new Random(seed));
        Store permuted = new Store();
        permuted.ingest(shuffled);
        assertThat(permuted.snapshot()).isEqualTo(inOrder.snapshot());
    }

    @Property(tries = 200)
    void everyListenIsAccountedForExactlyOnce(@ForAll("batches") List<PreparedListen> batch) {
        Store store = new Store();
        List<Decision> decisions = store.ingest(batch);
        long created = decisions.stream().filter(d -> d.status() == IngestStatus.CREATED).count();
        assertThat(decisions).hasSize(batch.size());
        assertThat(store.size()).isEqualTo(created);
    }

    @Provide
    Arbitrary<List<PreparedListen>> batches() {
        Arbitrary<Long> user = Arbitraries.longs().between(1, 2);
        Arbitrary<Long> track = Arbitraries.longs().between(1, 3);
        Arbitrary<Long> start = Arbitraries.longs().between(0, 1_200_000).map(ms -> DedupFixtures.T0 + ms);
        Arbitrary<Integer> source = Arbitraries.integers().between(0, 3);
        Arbitrary<String> externalId = Arbitraries.of("a", "b", "c").injectNull(0.7);
        Arbitrary<Long> played = Arbitraries.longs().between(10_000, 250_000).injectNull(0.3);
        return Combinators.combine(user, track, start, source, externalId, played)
                .as((u, t, s, src, ext, p) -> new PreparedListen(0, u, t, null, DedupFixtures.LENGTH,
                        new SourceStamp(s, p, SERVICES[src], CHANNELS[src], null, null, ext, null), null))
                .list().ofMinSize(1).ofMaxSize(30)
                .map(DeduplicatorProperties::indexed);
    }

    private static final Service[] SERVICES = {Service.SPOTIFY, Service.SPOTIFY, Service.OTHER, Service.APPLE_MUSIC};
    private static final Channel[] CHANNELS = {Channel.LISTENBRAINZ_API, Channel.IMPORT, Channel.LASTFM_API, Channel.SYNC};

    private static List<PreparedListen> indexed(List<PreparedListen> listens) {
        List<PreparedListen> out = new ArrayList<>();
        for (int i = 0; i < listens.size(); i++) {
            PreparedListen p = listens.get(i);
            out.add(new PreparedListen(i, p.userId(), p.trackId(), p.albumId(), p.trackLengthMs(), p.stamp(), p.extraJson()));
        }
        return out;
    }
}
