package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.LISTEN_SOURCES;
import static org.tonearm.schema.Tables.USERS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.catalog.CatalogService;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.schema.tables.records.ListensRecord;
import org.tonearm.shared.TonearmException;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.TestUsers;

/** The ingestion funnel against the real database (runs on SQLite and on PostgreSQL). */
class ListenServiceIntegrationTests extends IntegrationTestBase {

    private static final long T0 = Instant.parse("2024-05-01T20:30:00Z").toEpochMilli();

    @Autowired
    ListenService listens;

    @Autowired
    CatalogService catalog;

    private long user() {
        return TestUsers.create(database, "UTC");
    }

    private static IncomingListen play(long user, String artist, String title, long at, Long played, Service service,
            Channel channel) {
        return IncomingListen.of(user, new TrackCredit(artist, List.of(), title, "Album", 200_000L, Identifiers.NONE),
                at, played, service, channel);
    }

    private ListensRecord row(long id) {
        return database.dsl().selectFrom(LISTENS).where(LISTENS.ID.eq(id)).fetchOne();
    }

    private int count(long user) {
        return database.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(user));
    }

    @Test
    void storesTheLocalDayAndHourInTheUsersTimezone() {
        long user = TestUsers.create(database, "Asia/Tokyo");
        IngestResult r = listens.ingest(play(user, "Nujabes", "Aruarian Dance", T0, 180_000L, Service.SPOTIFY, Channel.NATIVE_API));
        ListensRecord row = row(r.listenId());
        // 20:30 UTC is 05:30 the next day in Tokyo
        assertThat(LocalDate.ofEpochDay(row.getLocalDay())).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(row.getLocalHour()).isEqualTo((short) 5);
        assertThat(row.getListenedAt()).isEqualTo(T0);
    }

    @Test
    void endStampedSourcesAreStoredAtTheirStart() {
        long user = user();
        var ended = new IncomingListen(user, TrackCredit.of("Boards of Canada", "Roygbiv", null), T0, TimeStamp.END,
                150_000L, Service.SPOTIFY, Channel.IMPORT, "spotify_extended", null, "end-1", null, "{\"ts\":1}");
        IngestResult r = listens.ingest(ended);
        assertThat(row(r.listenId()).getListenedAt()).isEqualTo(T0 - 150_000);
    }

    @Test
    void classifiesAndWeighsEachListen() {
        long user = user();
        var skip = listens.ingest(play(user, "A", "Skip me", T0, 29_900L, Service.SPOTIFY, Channel.NATIVE_API));
        var partial = listens.ingest(play(user, "A", "Half", T0 + 600_000, 60_000L, Service.SPOTIFY, Channel.NATIVE_API));
        var full = listens.ingest(play(user, "A", "Whole", T0 + 1_200_000, 160_000L, Service.SPOTIFY, Channel.NATIVE_API));
        assertThat(row(skip.listenId()).getClassification()).isEqualTo("SKIP");
        assertThat(row(skip.listenId()).getWeight()).isZero();
        assertThat(row(partial.listenId()).getClassification()).isEqualTo("PARTIAL");
        assertThat(row(partial.listenId()).getWeight()).isEqualTo(0.5);
        assertThat(row(full.listenId()).getClassification()).isEqualTo("FULL");
        assertThat(row(full.listenId()).getWeight()).isEqualTo(1.0);
    }

    @Test
    void featuredArtistsResolveToOneTrack() {
        long user = user();
        var a = listens.ingest(play(user, "Daft Punk feat. Pharrell Williams", "Get Lucky", T0, null, Service.SPOTIFY, Channel.NATIVE_API));
        var b = listens.ingest(play(user, "Daft Punk", "Get Lucky (ft. Pharrell Williams)", T0 + 3_600_000, null, Service.SPOTIFY, Channel.NATIVE_API));
        long track = row(a.listenId()).getTrackId();
        assertThat(row(b.listenId()).getTrackId()).isEqualTo(track);
        assertThat(catalog.tracks(List.of(track)).get(track).artists())
                .extracting(org.tonearm.catalog.ArtistRef::name, org.tonearm.catalog.ArtistRef::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Daft Punk", "primary"),
                        org.assertj.core.groups.Tuple.tuple("Pharrell Williams", "featured"));
    }

    @Test
    void mergesTheSamePlayFromAnotherSourceAndKeepsBothIdentifiers() {
        long user = user();
        var lastfm = new IncomingListen(user, TrackCredit.of("Björk", "Jóga", "Homogenic"), T0 + 4_000, TimeStamp.START,
                null, Service.OTHER, Channel.LASTFM_API, null, "pano", "lfm-1", null, "{}");
        var spotify = new IncomingListen(user, TrackCredit.of("björk", "jóga", null), T0, TimeStamp.START,
                200_000L, Service.SPOTIFY, Channel.SYNC, null, "spotify", "sp-1", Map.of("context", "album"), "{}");
        assertThat(listens.ingest(lastfm).status()).isEqualTo(IngestStatus.CREATED);
        IngestResult merged = listens.ingest(spotify);
        assertThat(merged.status()).isEqualTo(IngestStatus.MERGED);
        assertThat(count(user)).isEqualTo(1);
        ListensRecord kept = row(merged.listenId());
        assertThat(kept.getService()).isEqualTo("spotify");
        assertThat(kept.getListenedAt()).isEqualTo(T0);
        assertThat(kept.getDurationPlayedMs()).isEqualTo(200_000L);
        assertThat(kept.getMergeCount()).isEqualTo(1);
        assertThat(kept.getAlbumId()).as("the album the other source knew is kept").isNotNull();
        assertThat(database.dsl().select(LISTEN_SOURCES.EXTERNAL_ID).from(LISTEN_SOURCES)
                .where(LISTEN_SOURCES.LISTEN_ID.eq(kept.getId())).fetch(LISTEN_SOURCES.EXTERNAL_ID)).containsExactly("lfm-1");
        // the absorbed source resending its report is a duplicate, not a new play
        assertThat(listens.ingest(lastfm).status()).isEqualTo(IngestStatus.DUPLICATE);
        assertThat(count(user)).isEqualTo(1);
    }

    @Test
    void resendingABatchAddsNothing() {
        long user = user();
        List<IncomingListen> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(play(user, "Artist " + (i % 17), "Song " + (i % 41), T0 + i * 240_000L, 200_000L,
                    Service.SPOTIFY, Channel.LISTENBRAINZ_API));
        }
        List<IngestResult> first = listens.ingestBatch(batch);
        assertThat(first).extracting(IngestResult::status).containsOnly(IngestStatus.CREATED);
        assertThat(count(user)).isEqualTo(300);
        List<IngestResult> second = listens.ingestBatch(batch);
        assertThat(second).extracting(IngestResult::status).containsOnly(IngestStatus.DUPLICATE);
        assertThat(second).extracting(IngestResult::listenId)
                .containsExactlyElementsOf(first.stream().map(IngestResult::listenId).toList());
        assertThat(count(user)).isEqualTo(300);
    }

    @Test
    void aBatchSpanningSeveralUsersKeepsThemApart() {
        long alice = user();
        long bob = user();
        List<IngestResult> r = listens.ingestBatch(List.of(
                play(alice, "Low", "Words", T0, null, Service.SPOTIFY, Channel.NATIVE_API),
                play(bob, "Low", "Words", T0, null, Service.SPOTIFY, Channel.NATIVE_API)));
        assertThat(r).extracting(IngestResult::status).containsOnly(IngestStatus.CREATED);
        assertThat(count(alice)).isEqualTo(1);
        assertThat(count(bob)).isEqualTo(1);
    }

    @Test
    void blankCatalogTextIsRejectedAndNothingIsWritten() {
        long user = user();
        assertThatThrownBy(() -> listens.ingestBatch(List.of(
                play(user, "Fine", "Fine", T0, null, Service.SPOTIFY, Channel.NATIVE_API),
                play(user, " ", "No artist", T0, null, Service.SPOTIFY, Channel.NATIVE_API))))
                .isInstanceOf(TonearmException.class);
        assertThat(count(user)).isZero();
    }

    @Test
    void concurrentWritersNeverSeeABusyDatabase() throws Exception {
        long user = user();
        long other = user();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            Callable<Integer> writer = () -> {
                int created = 0;
                for (int b = 0; b < 10; b++) {
                    List<IncomingListen> batch = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        long at = T0 + ((thread * 10L + b) * 50 + i) * 300_001L;
                        batch.add(play(thread % 2 == 0 ? user : other, "Band " + thread, "Tune " + i, at, null,
                                Service.SPOTIFY, Channel.IMPORT));
                    }
                    created += (int) listens.ingestBatch(batch).stream()
                            .filter(r -> r.status() == IngestStatus.CREATED).count();
                }
                return created;
            };
            futures.add(pool.submit(writer));
        }
        int created = 0;
        for (Future<Integer> f : futures) {
            created += f.get();
        }
        pool.shutdown();
        assertThat(created).isEqualTo(6 * 10 * 50);
        assertThat(count(user) + count(other)).isEqualTo(3000);
    }

    @Test
    void storesControlCharactersBackslashesAndUnicodeVerbatim() {
        // PostgreSQL writes new listens with COPY's text format: these are the characters it must escape
        long user = user();
        String awkward = "tab\there\\N back\\slash\nnew line\r\ncrlf 日本語 😀 \\. '; drop table listens; --";
        var in = new IncomingListen(user, TrackCredit.of("Artist", "Title", null), T0, TimeStamp.START, 200_000L,
                Service.OTHER, Channel.NATIVE_API, null, awkward, awkward, Map.of("note", awkward), awkward);
        IngestResult r = listens.ingest(in);
        ListensRecord row = row(r.listenId());
        assertThat(row.getClient()).isEqualTo(awkward);
        assertThat(row.getExternalId()).isEqualTo(awkward);
        assertThat(row.getRaw()).isEqualTo(awkward);
        assertThat(row.getExtra()).contains("日本語 😀");
        assertThat(row.getDurationPlayedMs()).isEqualTo(200_000L);
        assertThat(row.getAlbumId()).isNull();
    }

    private static IncomingListen withExternalId(IncomingListen l, String externalId) {
        return new IncomingListen(l.userId(), l.credit(), l.listenedAtMs(), l.stamp(), l.durationPlayedMs(),
                l.service(), l.channel(), l.origin(), l.client(), externalId, l.extra(), l.raw());
    }

    @Test
    void theSameSourcesExternalIdTwoDaysLaterIsADuplicateOfTheStoredListenOrOfAnAbsorbedReport() {
        long user = user();
        long twoDays = 2 * 86_400_000L;
        IncomingListen spotify = withExternalId(
                play(user, "Far", "Apart", T0, 200_000L, Service.SPOTIFY, Channel.IMPORT), "spotify:play:1");
        IncomingListen apple = withExternalId(
                play(user, "Far", "Apart", T0 + 10_000, 200_000L, Service.APPLE_MUSIC, Channel.IMPORT), "apple:play:1");
        long kept = listens.ingest(spotify).listenId();
        assertThat(listens.ingest(apple).status()).isEqualTo(IngestStatus.MERGED);

        // docs/api.md#deduplication: same channel and service with an equal external_id is the same play however far apart; only
        // the external-id lookups (the stored listen's own, and its absorbed report's) can find these
        List<IngestResult> again = listens.ingestBatch(List.of(
                withExternalId(play(user, "Far", "Apart", T0 + twoDays, 200_000L, Service.SPOTIFY, Channel.IMPORT),
                        "spotify:play:1"),
                withExternalId(play(user, "Far", "Apart", T0 + twoDays + 400_000, 200_000L, Service.APPLE_MUSIC,
                        Channel.IMPORT), "apple:play:1")));

        assertThat(again).extracting(IngestResult::status).containsExactly(IngestStatus.DUPLICATE, IngestStatus.DUPLICATE);
        assertThat(again).extracting(IngestResult::listenId).containsOnly(kept);
        assertThat(count(user)).isEqualTo(1);
    }

    @Test
    void aBatchForAUserWhoseAccountIsGoneWritesNothing() {
        long user = user();
        database.write(() -> database.dsl().deleteFrom(USERS).where(USERS.ID.eq(user)).execute());

        assertThatThrownBy(() -> listens.ingestBatch(List.of(
                play(user, "Orphan Artist", "Orphan Track", T0, null, Service.SPOTIFY, Channel.NATIVE_API))))
                .isInstanceOf(RuntimeException.class);
        assertThat(count(user)).isZero();
    }

    @Test
    void accountDeletionWaitsForABatchInFlightAndTakesItsListensToo() throws Exception {
        long user = user();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> batch = pool.submit(() -> database.write(() -> {
                int n = listens.ingestBatch(List.of(
                        play(user, "Late Artist", "Late Track", T0, null, Service.SPOTIFY, Channel.NATIVE_API),
                        play(user, "Late Artist", "Later Track", T0 + 600_000, null, Service.SPOTIFY, Channel.NATIVE_API)))
                        .size();
                written.countDown();
                awaitQuietly(release);
                return n;
            }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Integer> deletion = pool.submit(() -> database.write(
                    () -> database.dsl().deleteFrom(USERS).where(USERS.ID.eq(user)).execute()));
            Thread.sleep(300);
            assertThat(deletion.isDone()).as("deletion waits for the open batch").isFalse();

            release.countDown();
            assertThat(batch.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(deletion.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(count(user)).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
