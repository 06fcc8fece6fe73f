package org.tonearm.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.USERS;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.catalog.internal.query.CatalogQueries;
import org.tonearm.catalog.internal.query.SearchType;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * The catalog as each user sees it (SPEC §2), below the HTTP layer: users and listens are written
 * directly, so this does not depend on the identity or listens modules.
 */
class CatalogPrivacyIntegrationTests extends IntegrationTestBase {

    @Autowired
    CatalogService catalog;
    @Autowired
    CatalogQueries queries;

    private final String u = UUID.randomUUID().toString().substring(0, 8);
    private long alice;
    private long bob;

    @BeforeEach
    void users() {
        alice = user("alice" + u);
        bob = user("bob" + u);
    }

    private long user(String name) {
        long now = System.currentTimeMillis();
        return database.write(() -> database.dsl().insertInto(USERS)
                .set(USERS.USERNAME, name).set(USERS.ROLE, "USER").set(USERS.CREATED_AT, now).set(USERS.UPDATED_AT, now)
                .returning(USERS.ID).fetchOne().getId());
    }

    private ResolvedTrack listen(long userId, TrackCredit credit) {
        return database.write(() -> {
            ResolvedTrack r = catalog.resolveAll(List.of(credit)).get(0);
            long now = System.currentTimeMillis();
            database.dsl().insertInto(LISTENS)
                    .set(LISTENS.USER_ID, userId).set(LISTENS.TRACK_ID, r.trackId()).set(LISTENS.ALBUM_ID, r.albumId())
                    .set(LISTENS.LISTENED_AT, now).set(LISTENS.CLASSIFICATION, "FULL").set(LISTENS.WEIGHT, 1.0)
                    .set(LISTENS.SERVICE, "spotify").set(LISTENS.CHANNEL, "native_api").set(LISTENS.ORIGIN, "native_api")
                    .set(LISTENS.LOCAL_DAY, 0).set(LISTENS.LOCAL_HOUR, (short) 0)
                    .set(LISTENS.CREATED_AT, now).set(LISTENS.UPDATED_AT, now).execute();
            return r;
        });
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TonearmException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    }

    @Test
    void aUserSeesTheEntriesOfTheirOwnListens() {
        ResolvedTrack r = listen(alice, TrackCredit.of("Nightfall " + u + " feat. Dawn " + u, "Lanterns", "Harbour"));
        var track = queries.track(alice, r.trackId());
        assertThat(track.track().title()).isEqualTo("Lanterns");
        assertThat(track.artists()).extracting(ArtistRef::name).containsExactly("Nightfall " + u, "Dawn " + u);
        long featuredId = track.artists().get(1).id();
        assertThat(queries.artist(alice, featuredId).name()).isEqualTo("Dawn " + u);
        var album = queries.album(alice, r.albumId());
        assertThat(album.title()).isEqualTo("Harbour");
        assertThat(album.artistName()).isEqualTo("Nightfall " + u);
    }

    @Test
    void anotherUsersEntriesAreNotFound() {
        ResolvedTrack r = listen(alice, TrackCredit.of("Secret " + u, "Hidden", "Vault"));
        long artistId = queries.track(alice, r.trackId()).artists().get(0).id();
        assertNotFound(() -> queries.track(bob, r.trackId()));
        assertNotFound(() -> queries.album(bob, r.albumId()));
        assertNotFound(() -> queries.artist(bob, artistId));
        assertNotFound(() -> queries.track(alice, Long.MAX_VALUE));
    }

    @Test
    void anEntryBecomesVisibleOnceTheUserListensToIt() {
        ResolvedTrack r = listen(alice, TrackCredit.of("Shared " + u, "Common", "Ground"));
        assertNotFound(() -> queries.track(bob, r.trackId()));
        listen(bob, TrackCredit.of("shared " + u, "common", "ground"));
        assertThat(queries.track(bob, r.trackId()).track().id()).isEqualTo(r.trackId());
        assertThat(queries.album(bob, r.albumId()).id()).isEqualTo(r.albumId());
    }

    @Test
    void searchMatchesNormalizedSubstringsOfOwnEntriesOnly() {
        listen(alice, TrackCredit.of("Ｍoonlight " + u, "Silver  Tide", "Ocean Songs"));
        listen(bob, TrackCredit.of("Moonlight Bob" + u, "Silver Tide Remix", "Ocean Songs 2"));

        var all = queries.search(alice, "  MOONLIGHT ", null, 20);
        assertThat(all.artists()).extracting(a -> a.name()).containsExactly("Ｍoonlight " + u);
        var tracks = queries.search(alice, "silver tide", SearchType.TRACK, 20);
        assertThat(tracks.tracks()).extracting(t -> t.track().title()).containsExactly("Silver Tide");
        assertThat(tracks.artists()).isEmpty();
        assertThat(queries.search(alice, "ocean", SearchType.ALBUM, 20).albums()).extracting(a -> a.title())
                .containsExactly("Ocean Songs");
        assertThat(queries.search(alice, "bob" + u, null, 20).artists()).isEmpty();
    }

    @Test
    void searchOfTracksAndAlbumsMatchesTheTitleNotTheArtist() {
        listen(alice, TrackCredit.of("Zephyr " + u, "Calm", "Breeze"));
        var r = queries.search(alice, "zephyr " + u, null, 20);
        assertThat(r.artists()).hasSize(1);
        assertThat(r.tracks()).isEmpty();
        assertThat(r.albums()).isEmpty();
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() {
        listen(alice, TrackCredit.of("Percent " + u, "100% Pure", null));
        listen(alice, TrackCredit.of("Percent " + u, "100 Pure", null));
        assertThat(queries.search(alice, "0% p", SearchType.TRACK, 20).tracks()).extracting(t -> t.track().title())
                .containsExactly("100% Pure");
        assertThat(queries.search(alice, "1_0", SearchType.TRACK, 20).tracks()).isEmpty();
    }

    @Test
    void searchHonoursTheLimit() {
        for (int i = 0; i < 3; i++) {
            listen(alice, TrackCredit.of("Many " + u, "Tune " + i, null));
        }
        assertThat(queries.search(alice, "tune", SearchType.TRACK, 2).tracks()).hasSize(2);
    }

    @Test
    void aBlankQueryIsRejected() {
        assertThatThrownBy(() -> queries.search(alice, " \t", null, 20)).isInstanceOfSatisfying(TonearmException.class,
                e -> assertThat(e.fieldErrors()).extracting(TonearmException.FieldError::field).containsExactly("q"));
    }
}
