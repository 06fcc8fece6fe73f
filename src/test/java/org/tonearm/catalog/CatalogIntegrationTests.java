package org.tonearm.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.TRACKS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.testsupport.IntegrationTestBase;

/** Catalog resolution against the real database (runs on SQLite and on PostgreSQL). */
class CatalogIntegrationTests extends IntegrationTestBase {

    @Autowired
    CatalogService catalog;

    /** Names unique to one test, since every test class shares one database. */
    private final String u = UUID.randomUUID().toString().substring(0, 8);

    private List<ResolvedTrack> resolve(TrackCredit... credits) {
        return database.write(() -> catalog.resolveAll(List.of(credits)));
    }

    private ResolvedTrack resolveOne(TrackCredit credit) {
        return resolve(credit).get(0);
    }

    @Test
    void sameKeyResolvesToTheSameIdWithinAndAcrossBatches() {
        List<ResolvedTrack> first = resolve(TrackCredit.of("Artist " + u, "Song", "Album"),
                TrackCredit.of("ARTIST  " + u + " ", "song", "album"));
        assertThat(first.get(0)).isEqualTo(first.get(1));
        ResolvedTrack again = resolveOne(TrackCredit.of("artist " + u, "Song!", "Album."));
        assertThat(again.trackId()).isEqualTo(first.get(0).trackId());
        assertThat(again.albumId()).isEqualTo(first.get(0).albumId());
    }

    @Test
    void everyTrackCreatedInOneBatchGetsItsCredits() {
        List<ResolvedTrack> resolved = resolve(TrackCredit.of("X" + u, "One", null), TrackCredit.of("Y" + u, "Two", null),
                TrackCredit.of("Z" + u + " feat. W" + u, "Three", null));
        var views = catalog.tracks(resolved.stream().map(ResolvedTrack::trackId).toList());
        assertThat(views.get(resolved.get(0).trackId()).artists()).extracting(ArtistRef::name).containsExactly("X" + u);
        assertThat(views.get(resolved.get(1).trackId()).artists()).extracting(ArtistRef::name).containsExactly("Y" + u);
        assertThat(views.get(resolved.get(2).trackId()).artists()).extracting(ArtistRef::name)
                .containsExactly("Z" + u, "W" + u);
    }

    @Test
    void featuredSpellingsAreOneTrackWithTheFeaturedArtist() {
        ResolvedTrack a = resolveOne(TrackCredit.of("A" + u + " feat. B" + u, "Song", null));
        ResolvedTrack b = resolveOne(TrackCredit.of("A" + u, "Song (ft. B" + u + ")", null));
        ResolvedTrack c = resolveOne(TrackCredit.of("A" + u, "Song", null));
        assertThat(b.trackId()).isEqualTo(a.trackId());
        assertThat(c.trackId()).isEqualTo(a.trackId());

        TrackView view = catalog.tracks(List.of(a.trackId())).get(a.trackId());
        assertThat(view.title()).isEqualTo("Song");
        assertThat(view.artists()).extracting(ArtistRef::name, ArtistRef::role)
                .containsExactly(tuple("A" + u, "primary"),
                        tuple("B" + u, "featured"));
    }

    @Test
    void featuredArtistIsTheSameArtistAsWhenCreditedAsPrimary() {
        ResolvedTrack featuring = resolveOne(TrackCredit.of("A" + u + " ft. B" + u, "Duet", null));
        ResolvedTrack solo = resolveOne(TrackCredit.of("b" + u, "Solo", null));
        long featuredId = catalog.tracks(List.of(featuring.trackId())).get(featuring.trackId()).artists().get(1).id();
        long soloId = catalog.tracks(List.of(solo.trackId())).get(solo.trackId()).artists().get(0).id();
        assertThat(featuredId).isEqualTo(soloId);
    }

    @Test
    void sameRecordingOnTwoAlbumsIsOneTrackAndTwoAlbums() {
        List<ResolvedTrack> r = resolve(TrackCredit.of("Band " + u, "Hit", "Debut"),
                TrackCredit.of("Band " + u, "Hit", "Greatest Hits"));
        assertThat(r.get(0).trackId()).isEqualTo(r.get(1).trackId());
        assertThat(r.get(0).albumId()).isNotNull().isNotEqualTo(r.get(1).albumId());
        Map<Long, AlbumView> albums = catalog.albums(List.of(r.get(0).albumId(), r.get(1).albumId()));
        assertThat(albums.get(r.get(1).albumId()).title()).isEqualTo("Greatest Hits");
        assertThat(albums.get(r.get(1).albumId()).artistName()).isEqualTo("Band " + u);
    }

    @Test
    void sameAlbumTitleByTwoArtistsIsTwoAlbums() {
        List<ResolvedTrack> r = resolve(TrackCredit.of("X" + u, "One", "Greatest Hits"),
                TrackCredit.of("Y" + u, "Two", "Greatest Hits"));
        assertThat(r.get(0).albumId()).isNotEqualTo(r.get(1).albumId());
    }

    @Test
    void aCreditWithoutAlbumHasNoAlbum() {
        assertThat(resolveOne(TrackCredit.of("Z" + u, "Song", "  ")).albumId()).isNull();
    }

    @Test
    void aThousandCreditsWithRepeatedKeysResolveConsistently() {
        List<TrackCredit> credits = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int artist = i % 37;
            int track = i % 211;
            credits.add(TrackCredit.of("Artist" + artist + " " + u + (i % 2 == 0 ? "" : " feat. Guest" + (i % 5)),
                    "Track " + track, "Album " + (i % 13)));
        }
        List<ResolvedTrack> resolved = database.write(() -> catalog.resolveAll(credits));
        assertThat(resolved).hasSize(1000);
        Map<String, Long> idByKey = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            String key = (i % 37) + "/" + (i % 211);
            Long previous = idByKey.putIfAbsent(key, resolved.get(i).trackId());
            if (previous != null) {
                assertThat(resolved.get(i).trackId()).as("credit %d", i).isEqualTo(previous);
            }
        }
        assertThat(idByKey.values().stream().distinct()).hasSize(idByKey.size());
        List<ResolvedTrack> again = database.write(() -> catalog.resolveAll(credits));
        assertThat(again).isEqualTo(resolved);
        int stored = database.dsl().fetchCount(ARTISTS, ARTISTS.NAME_KEY.like("artist% " + u));
        assertThat(stored).isEqualTo(37);
    }

    @Test
    void rolledBackResolutionLeavesNoStaleCachedId() {
        TrackCredit credit = TrackCredit.of("Ghost " + u, "Vanishing", "Gone");
        assertThatThrownBy(() -> database.write(() -> {
            catalog.resolveAll(List.of(credit));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(database.dsl().fetchCount(ARTISTS, ARTISTS.NAME_KEY.eq("ghost " + u))).isZero();

        ResolvedTrack r = resolveOne(credit);
        assertThat(database.dsl().fetchExists(TRACKS, TRACKS.ID.eq(r.trackId()))).isTrue();
        assertThat(database.dsl().fetchExists(ALBUMS, ALBUMS.ID.eq(r.albumId()))).isTrue();
        assertThat(catalog.tracks(List.of(r.trackId())).get(r.trackId()).artists())
                .extracting(ArtistRef::name).containsExactly("Ghost " + u);
    }

    @Test
    void idsCreatedEarlierInTheSameTransactionAreReused() {
        List<ResolvedTrack> both = database.write(() -> {
            ResolvedTrack first = catalog.resolveAll(List.of(TrackCredit.of("Twice " + u, "Song", "LP"))).get(0);
            ResolvedTrack second = catalog.resolveAll(List.of(TrackCredit.of("twice " + u, "song", "lp"))).get(0);
            return List.of(first, second);
        });
        assertThat(both.get(1)).isEqualTo(both.get(0));
    }

    @Test
    void lengthComesFromTheCreditElseFromTheStoredTrack() {
        TrackCredit withLength = new TrackCredit("Len " + u, List.of(), "Song", null, 200_000L, Identifiers.NONE);
        TrackCredit without = TrackCredit.of("Len " + u, "Song", null);
        assertThat(resolveOne(without).trackLengthMs()).isNull();
        assertThat(resolveOne(withLength).trackLengthMs()).isEqualTo(200_000L);
        assertThat(resolveOne(without).trackLengthMs()).as("filled in from the earlier credit").isEqualTo(200_000L);
        TrackCredit other = new TrackCredit("Len " + u, List.of(), "Song", null, 199_000L, Identifiers.NONE);
        assertThat(resolveOne(other).trackLengthMs()).isEqualTo(199_000L);
        assertThat(resolveOne(without).trackLengthMs()).as("a known length is not overwritten").isEqualTo(200_000L);
    }

    @Test
    void identifiersAreStoredOnCreation() {
        String mbid = UUID.randomUUID().toString();
        String artistMbid = UUID.randomUUID().toString();
        String releaseMbid = UUID.randomUUID().toString();
        TrackCredit credit = new TrackCredit("Ids " + u, List.of(), "Song", "Record", 1000L,
                new Identifiers(mbid.toUpperCase(), List.of(artistMbid), releaseMbid, "us-rc1-76-07839", "4uLU6hMCjMI75M1A2tKUQC"));
        ResolvedTrack r = resolveOne(credit);
        var track = database.dsl().fetchOne(TRACKS, TRACKS.ID.eq(r.trackId()));
        assertThat(track.getMbid()).isEqualTo(mbid);
        assertThat(track.getIsrc()).isEqualTo("USRC17607839");
        assertThat(track.getSpotifyId()).isEqualTo("4uLU6hMCjMI75M1A2tKUQC");
        assertThat(database.dsl().fetchOne(ARTISTS, ARTISTS.ID.eq(track.getArtistId())).getMbid()).isEqualTo(artistMbid);
        assertThat(database.dsl().fetchOne(ALBUMS, ALBUMS.ID.eq(r.albumId())).getMbid()).isEqualTo(releaseMbid);
    }

    @Test
    void veryLongNamesAreClippedToFitTheColumns() {
        String longName = "L" + u + "x".repeat(2000);
        ResolvedTrack r = resolveOne(TrackCredit.of(longName, "y".repeat(2000), "z".repeat(2000)));
        assertThat(catalog.tracks(List.of(r.trackId())).get(r.trackId()).title()).hasSize(512);
        assertThat(resolveOne(TrackCredit.of(longName, "y".repeat(2000), "z".repeat(2000)))).isEqualTo(r);
    }

    @Test
    void concurrentWritersResolvingTheSameNewCreditsAgreeOnIds() throws Exception {
        List<TrackCredit> credits = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            credits.add(TrackCredit.of("Race" + (i % 7) + " " + u + " feat. Pal " + u, "Photo Finish " + i, "Lap " + (i % 4)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ResolvedTrack>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int shift = t * 15;
                List<TrackCredit> mine = new ArrayList<>(credits);
                Collections.rotate(mine, shift); // different orders, same keys
                runs.add(pool.submit(() -> {
                    List<ResolvedTrack> r = database.write(() -> catalog.resolveAll(mine));
                    List<ResolvedTrack> aligned = new ArrayList<>(r);
                    Collections.rotate(aligned, -shift);
                    return aligned;
                }));
            }
            List<ResolvedTrack> first = runs.get(0).get();
            for (var run : runs) {
                assertThat(run.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void readsOfUnknownIdsAreEmpty() {
        assertThat(catalog.tracks(List.of(Long.MAX_VALUE))).isEmpty();
        assertThat(catalog.albums(List.of())).isEmpty();
    }
}
