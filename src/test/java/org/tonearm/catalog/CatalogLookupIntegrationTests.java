package org.tonearm.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * The catalog's read façade on its own (no listens, no users): which entries a search key matches and what an entry
 * reads as. Who may see them is decided above (library, listens' CatalogVisibility).
 */
class CatalogLookupIntegrationTests extends IntegrationTestBase {

    @Autowired
    CatalogService catalog;
    @Autowired
    CatalogLookup lookup;

    private final String u = UUID.randomUUID().toString().substring(0, 8);

    private ResolvedTrack resolve(TrackCredit credit) {
        return database.write(() -> catalog.resolveAll(List.of(credit))).get(0);
    }

    /** The candidate ids, closest first, as the filtering module would order them. */
    private List<Long> ids(CatalogCandidates c) {
        return database.read(() -> database.dsl().fetch(c.query()).stream()
                .sorted(Comparator.comparing((org.jooq.Record2<Long, Integer> r) -> r.value2()).thenComparing(r -> r.value1()))
                .map(r -> r.value1()).toList());
    }

    private String artistName(long id) {
        return lookup.artists(List.of(id)).get(id).name();
    }

    @Test
    void anArtistMatchesANormalizedSubstringOfItsName() {
        ResolvedTrack r = resolve(TrackCredit.of("Ｍoonlight " + u, "Silver Tide", "Ocean Songs"));
        List<Long> artists = ids(lookup.matching(CatalogKind.ARTIST, NameKeys.normalize("  MOONLIGHT " + u)));
        assertThat(artists).hasSize(1);
        assertThat(artistName(artists.get(0))).isEqualTo("Ｍoonlight " + u);
        assertThat(ids(lookup.matching(CatalogKind.TRACK, NameKeys.normalize("silver tide")))).contains(r.trackId());
        assertThat(ids(lookup.matching(CatalogKind.ALBUM, NameKeys.normalize("ocean songs")))).contains(r.albumId());
    }

    @Test
    void tracksAndAlbumsMatchTheirTitleNotTheirArtist() {
        resolve(TrackCredit.of("Zephyr " + u, "Calm", "Breeze"));
        String key = NameKeys.normalize("zephyr " + u);
        assertThat(ids(lookup.matching(CatalogKind.ARTIST, key))).hasSize(1);
        assertThat(ids(lookup.matching(CatalogKind.TRACK, key))).isEmpty();
        assertThat(ids(lookup.matching(CatalogKind.ALBUM, key))).isEmpty();
    }

    @Test
    void likeWildcardsAreLiteral() {
        ResolvedTrack pure = resolve(TrackCredit.of("Percent " + u, "100% Pure " + u, null));
        resolve(TrackCredit.of("Percent " + u, "100 Pure " + u, null));
        assertThat(ids(lookup.matching(CatalogKind.TRACK, NameKeys.normalize("0% pure " + u))))
                .containsExactly(pure.trackId());
        assertThat(ids(lookup.matching(CatalogKind.TRACK, NameKeys.normalize("1_0 pure " + u)))).isEmpty();
    }

    @Test
    void closerNamesComeFirst() {
        ResolvedTrack longer = resolve(TrackCredit.of("Close " + u, "Tune " + u + " extended mix", null));
        ResolvedTrack shorter = resolve(TrackCredit.of("Close " + u, "Tune " + u, null));
        assertThat(ids(lookup.matching(CatalogKind.TRACK, NameKeys.normalize("tune " + u))))
                .containsExactly(shorter.trackId(), longer.trackId());
    }

    @Test
    void anIdIsACandidateOnlyWhenItExists() {
        ResolvedTrack r = resolve(TrackCredit.of("Exists " + u + " feat. Guest " + u, "Here", "There"));
        assertThat(ids(lookup.withId(CatalogKind.TRACK, r.trackId()))).containsExactly(r.trackId());
        assertThat(ids(lookup.withId(CatalogKind.ALBUM, r.albumId()))).containsExactly(r.albumId());
        assertThat(ids(lookup.withId(CatalogKind.TRACK, Long.MAX_VALUE))).isEmpty();

        CatalogEntry.Track track = lookup.tracks(List.of(r.trackId())).get(r.trackId());
        assertThat(track.title()).isEqualTo("Here");
        assertThat(track.artists()).extracting(ArtistRef::name, ArtistRef::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Exists " + u, "primary"),
                        org.assertj.core.groups.Tuple.tuple("Guest " + u, "featured"));
        CatalogEntry.Album album = lookup.albums(List.of(r.albumId())).get(r.albumId());
        assertThat(album.title()).isEqualTo("There");
        assertThat(album.artistName()).isEqualTo("Exists " + u);
        assertThat(lookup.artists(List.of(Long.MAX_VALUE))).isEmpty();
    }
}
