package org.tonearm.listens.internal.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.listens.internal.dedup.DedupFixtures.T0;
import static org.tonearm.listens.internal.dedup.DedupFixtures.listen;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IngestStatus;
import org.tonearm.listens.Service;
import org.tonearm.listens.internal.dedup.DedupFixtures.Store;

/** docs/api.md#deduplication deduplication, at every boundary. */
class DeduplicatorTests {

    private final Store store = new Store();

    private IngestStatus send(PreparedListen listen) {
        return store.ingest(List.of(listen)).get(0).status();
    }

    @Test
    void sameSourceWithinTwoSecondsIsADuplicate() {
        send(listen(0, 7, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API));
        assertThat(send(listen(0, 7, T0 + 2_000, Service.SPOTIFY, Channel.LISTENBRAINZ_API))).isEqualTo(IngestStatus.DUPLICATE);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void sameSourceMoreThanTwoSecondsApartIsARealRepeat() {
        send(listen(0, 7, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API));
        assertThat(send(listen(0, 7, T0 + 2_001, Service.SPOTIFY, Channel.LISTENBRAINZ_API))).isEqualTo(IngestStatus.CREATED);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void sameSourceWithEqualExternalIdIsADuplicateHoweverFarApart() {
        send(listen(0, 1, 7, T0, Service.SPOTIFY, Channel.IMPORT, "row-1", 180_000L));
        assertThat(send(listen(0, 1, 7, T0 + 86_400_000, Service.SPOTIFY, Channel.IMPORT, "row-1", 180_000L)))
                .isEqualTo(IngestStatus.DUPLICATE);
        assertThat(send(listen(0, 1, 7, T0 + 86_400_000, Service.SPOTIFY, Channel.IMPORT, "row-2", 180_000L)))
                .isEqualTo(IngestStatus.CREATED);
    }

    @Test
    void otherSourceWithinFiveMinutesIsMerged() {
        send(listen(0, 7, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API));
        assertThat(send(listen(0, 7, T0 + 300_000, Service.OTHER, Channel.LASTFM_API))).isEqualTo(IngestStatus.MERGED);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void otherSourceJustOverFiveMinutesIsANewListen() {
        send(listen(0, 7, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API));
        // 300.001 s apart and not near the 200 s length either
        assertThat(send(listen(0, 7, T0 + 300_001, Service.OTHER, Channel.LASTFM_API))).isEqualTo(IngestStatus.CREATED);
    }

    @Test
    void otherSourceStampedAtTheEndMergesWithinThirtySecondsOfTheLength() {
        long longTrack = 600_000; // 10 minutes: the end stamp lies outside the 5-minute window
        var start = new PreparedListen(0, 1, 9, null, longTrack,
                new SourceStamp(T0, null, Service.SPOTIFY, Channel.IMPORT, "spotify_extended", null, null, null), null);
        store.ingest(List.of(start));
        var endPlus30 = new PreparedListen(0, 1, 9, null, longTrack,
                new SourceStamp(T0 + longTrack + 30_000, null, Service.OTHER, Channel.LASTFM_API, null, null, null, null), null);
        assertThat(store.ingest(List.of(endPlus30)).get(0).status()).isEqualTo(IngestStatus.MERGED);

        var other = new Store();
        other.ingest(List.of(start));
        var endPlus31 = new PreparedListen(0, 1, 9, null, longTrack,
                new SourceStamp(T0 + longTrack + 30_001, null, Service.OTHER, Channel.LASTFM_API, null, null, null, null), null);
        assertThat(other.ingest(List.of(endPlus31)).get(0).status()).isEqualTo(IngestStatus.CREATED);
        var endMinus30 = new PreparedListen(0, 1, 9, null, longTrack,
                new SourceStamp(T0 + longTrack - 30_000, null, Service.OTHER, Channel.SYNC, null, null, null, null), null);
        assertThat(other.ingest(List.of(endMinus30)).get(0).status()).isEqualTo(IngestStatus.MERGED);
    }

    @Test
    void differentTracksAreNeverDuplicates() {
        send(listen(0, 7, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API));
        assertThat(send(listen(0, 8, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API))).isEqualTo(IngestStatus.CREATED);
        assertThat(send(listen(0, 8, T0 + 1_000, Service.OTHER, Channel.LASTFM_API))).isEqualTo(IngestStatus.MERGED);
    }

    @Test
    void differentUsersAreNeverDuplicates() {
        send(listen(0, 1, 7, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API, null, null));
        assertThat(send(listen(0, 2, 7, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API, null, null))).isEqualTo(IngestStatus.CREATED);
    }

    @Test
    void theNearestCandidateWins() {
        send(listen(0, 7, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API));
        send(listen(0, 7, T0 + 250_000, Service.SPOTIFY, Channel.LISTENBRAINZ_API));
        // 20 s from the second; 230 s from the first is 30 s off its 200 s length (end-stamp rule) — further
        List<Decision> d = store.ingest(List.of(listen(0, 7, T0 + 230_000, Service.OTHER, Channel.LASTFM_API)));
        assertThat(d.get(0).status()).isEqualTo(IngestStatus.MERGED);
        assertThat(d.get(0).target().primary().listenedAt()).isEqualTo(T0 + 250_000);
    }

    @Test
    void aListenAbsorbsAtMostOneDuplicateFromEachOtherSource() {
        send(listen(0, 7, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API));
        assertThat(send(listen(0, 7, T0 + 10_000, Service.OTHER, Channel.LASTFM_API))).isEqualTo(IngestStatus.MERGED);
        // a second Last.fm report 60 s later is a real repeat, not a second duplicate of the same play
        assertThat(send(listen(0, 7, T0 + 70_000, Service.OTHER, Channel.LASTFM_API))).isEqualTo(IngestStatus.CREATED);
        // but a third source may still merge
        assertThat(send(listen(0, 7, T0 + 5_000, Service.APPLE_MUSIC, Channel.SYNC))).isEqualTo(IngestStatus.MERGED);
    }

    @Test
    void mergeKeepsTheHigherPrioritySourceAndTheLongestDuration() {
        store.ingest(List.of(listen(0, 1, 7, T0 + 3_000, Service.YOUTUBE_MUSIC, Channel.LASTFM_API, "yt-1", 120_000L)));
        List<Decision> d = store.ingest(List.of(listen(0, 1, 7, T0, Service.SPOTIFY, Channel.SYNC, "sp-1", 90_000L)));
        WorkingListen kept = d.get(0).target();
        assertThat(d.get(0).status()).isEqualTo(IngestStatus.MERGED);
        assertThat(kept.primary().service()).isEqualTo(Service.SPOTIFY);
        assertThat(kept.primary().listenedAt()).isEqualTo(T0);
        assertThat(kept.primary().durationPlayedMs()).isEqualTo(120_000L);
        assertThat(kept.stamps()).extracting(SourceStamp::externalId).containsExactlyInAnyOrder("sp-1", "yt-1");
        assertThat(kept.mergeCount()).isEqualTo(1);
    }

    @Test
    void lowerPrioritySourceDoesNotTakeOver() {
        store.ingest(List.of(listen(0, 1, 7, T0, Service.SPOTIFY, Channel.SYNC, null, 100_000L)));
        WorkingListen kept = store.ingest(List.of(listen(0, 1, 7, T0 + 4_000, Service.OTHER, Channel.WEB, null, 150_000L)))
                .get(0).target();
        assertThat(kept.primary().service()).isEqualTo(Service.SPOTIFY);
        assertThat(kept.primary().listenedAt()).isEqualTo(T0);
        assertThat(kept.primary().durationPlayedMs()).isEqualTo(150_000L);
    }

    @Test
    void aBatchDeduplicatesAgainstItself() {
        List<Decision> d = store.ingest(List.of(
                listen(0, 7, T0, Service.SPOTIFY, Channel.LISTENBRAINZ_API),
                listen(1, 7, T0 + 1_000, Service.SPOTIFY, Channel.LISTENBRAINZ_API),
                listen(2, 7, T0 + 60_000, Service.OTHER, Channel.LASTFM_API)));
        assertThat(d).extracting(Decision::status)
                .containsExactly(IngestStatus.CREATED, IngestStatus.DUPLICATE, IngestStatus.MERGED);
        assertThat(store.size()).isEqualTo(1);
    }

    /**
     * Of two equally near candidates the earlier one wins, whichever was loaded (or created) first: an import's batch
     * boundaries decide which candidates are stored and which are in memory (docs/formats.md#row-order).
     */
    @Test
    void ofTwoEquallyNearCandidatesTheEarlierOneAbsorbsWhicheverWasLoadedFirst() {
        for (boolean earlierFirst : new boolean[] {true, false}) {
            WorkingListen earlier = stored(1, T0 - 60_000);
            WorkingListen later = stored(2, T0 + 60_000);
            Deduplicator d = new Deduplicator(org.tonearm.listens.ListensProperties.defaults(),
                    earlierFirst ? List.of(earlier, later) : List.of(later, earlier));
            Decision decision = d.decideAll(List.of(listen(0, 7, T0, Service.OTHER, Channel.LASTFM_API))).get(0);
            assertThat(decision.status()).isEqualTo(IngestStatus.MERGED);
            assertThat(decision.target().id()).as("loaded earlier first: " + earlierFirst).isEqualTo(1L);
        }
    }

    private static WorkingListen stored(long id, long startMs) {
        return new WorkingListen(id, 1, 7, null, DedupFixtures.LENGTH,
                new SourceStamp(startMs, null, Service.SPOTIFY, Channel.LISTENBRAINZ_API, null, null, null, null), null,
                0, List.of(), true);
    }
}
