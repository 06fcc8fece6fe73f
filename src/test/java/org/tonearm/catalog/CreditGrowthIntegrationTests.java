package org.tonearm.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.tonearm.testsupport.IntegrationTestBase;

/** Credits that grow (docs/api.md#catalog), at the catalog's own boundary, on SQLite and on PostgreSQL. */
class CreditGrowthIntegrationTests extends IntegrationTestBase {

    @Autowired
    CatalogService catalog;
    @Autowired
    ConfigurableApplicationContext context;

    private final String u = UUID.randomUUID().toString().substring(0, 8);

    private long resolve(TrackCredit... credits) {
        List<ResolvedTrack> r = database.write(() -> catalog.resolveAll(List.of(credits)));
        return r.get(r.size() - 1).trackId();
    }

    private List<ArtistRef> credits(long trackId) {
        return catalog.tracks(List.of(trackId)).get(trackId).artists();
    }

    private static TrackCredit structured(List<String> artists, String title) {
        return new TrackCredit(artists.get(0), artists, title, null, null, Identifiers.NONE);
    }

    @Test
    void aLaterCreditNamingFeaturedArtistsAddsThemInKeyOrder() {
        long track = resolve(TrackCredit.of("Major Lazer " + u, "Lean On", null));
        assertThat(credits(track)).extracting(ArtistRef::name).containsExactly("Major Lazer " + u);

        long again = resolve(TrackCredit.of("Major Lazer " + u, "Lean On (feat. MØ " + u + " & DJ Snake " + u + ")", null));

        assertThat(again).isEqualTo(track);
        assertThat(credits(track)).extracting(ArtistRef::name, ArtistRef::role).containsExactly(
                tuple("Major Lazer " + u, "primary"), tuple("DJ Snake " + u, "featured"), tuple("MØ " + u, "featured"));
    }

    @Test
    void aNewTracksFeaturedArtistsAreInKeyOrderNotInTheOrderOfTheText() {
        long track = resolve(TrackCredit.of("A" + u + " feat. C" + u + ", b" + u, "Song", null));
        assertThat(credits(track)).extracting(ArtistRef::name).containsExactly("A" + u, "b" + u, "C" + u);
    }

    @Test
    void creditsOnlyGrowAndNeverDuplicateAnArtist() {
        long track = resolve(TrackCredit.of("A" + u + " feat. B" + u, "Song", null));
        resolve(TrackCredit.of("A" + u, "Song", null)); // names fewer: removes nothing
        resolve(structured(List.of("A" + u, "C" + u, "b" + u), "Song")); // B again (other case) and C
        resolve(TrackCredit.of("A" + u, "Song (ft. A" + u + ")", null)); // the primary as featured: ignored

        assertThat(credits(track)).extracting(ArtistRef::name, ArtistRef::role).containsExactly(
                tuple("A" + u, "primary"), tuple("B" + u, "featured"), tuple("C" + u, "featured"));
    }

    @Test
    void severalCreditsOfOneTrackInOneBatchAllAddTheirArtists() {
        long track = resolve(TrackCredit.of("A" + u, "Song", null));
        resolve(TrackCredit.of("A" + u + " feat. D" + u, "Song", null), TrackCredit.of("A" + u, "Song (ft. B" + u + ")",
                null), TrackCredit.of("A" + u, "Other", null));
        assertThat(credits(track)).extracting(ArtistRef::name).containsExactly("A" + u, "B" + u, "D" + u);
    }

    @Test
    void aRolledBackGrowthLeavesNothingBehindAndTheNextOneGrows() {
        long track = resolve(TrackCredit.of("A" + u, "Song", null));
        TrackCredit fuller = TrackCredit.of("A" + u + " feat. B" + u, "Song", null);
        assertThatThrownBy(() -> database.write(() -> {
            catalog.resolveAll(List.of(fuller));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(credits(track)).extracting(ArtistRef::name).containsExactly("A" + u);

        resolve(fuller); // the growth cached by the rolled-back transaction must not make this one a no-op
        assertThat(credits(track)).extracting(ArtistRef::name).containsExactly("A" + u, "B" + u);
    }

    @Test
    void growthIsAnnouncedOnceWithTheTrackAndTheNewArtists() {
        Announcements.register(context);
        long track = resolve(TrackCredit.of("A" + u, "Song", null));
        resolve(TrackCredit.of("A" + u, "Song", null), TrackCredit.of("A" + u + " ft. B" + u, "Song", null));
        resolve(TrackCredit.of("A" + u + " ft. B" + u, "Song", null)); // nothing new: nothing announced

        long b = credits(track).get(1).id();
        assertThat(Announcements.seen).filteredOn(g -> g.trackIds().contains(track))
                .containsExactly(new TrackCreditsGrown(java.util.Set.of(track), java.util.Set.of(b)));
    }

    /**
     * Records the announcements: a listener added to the shared context once (an imported test bean would give this
     * class a context of its own).
     */
    static final class Announcements {
        static final List<TrackCreditsGrown> seen = new CopyOnWriteArrayList<>();
        private static boolean registered;

        static synchronized void register(ConfigurableApplicationContext context) {
            if (!registered) {
                context.addApplicationListener((ApplicationEvent e) -> {
                    if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof TrackCreditsGrown g) {
                        seen.add(g);
                    }
                });
                registered = true;
            }
        }
    }
}
