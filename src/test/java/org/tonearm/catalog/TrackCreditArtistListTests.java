package org.tonearm.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a source's artist list may add artists to a credit (docs/api.md#catalog "Credits that grow"). */
class TrackCreditArtistListTests {

    @Test
    void aListStartingWithTheArtistTextIsTheStructuredList() {
        assertThat(TrackCredit.artistList("Major Lazer", List.of("major  LAZER", "MØ", "DJ Snake")))
                .containsExactly("major  LAZER", "MØ", "DJ Snake");
    }

    @Test
    void aListStartingWithAnotherArtistIsIgnoredSoTheTrackStaysTheSame() {
        assertThat(TrackCredit.artistList("Major Lazer & DJ Snake", List.of("Major Lazer", "DJ Snake"))).isEmpty();
        assertThat(TrackCredit.artistList("Major Lazer feat. MØ", List.of("Major Lazer", "MØ"))).isEmpty();
    }

    @Test
    void noListOrAnEmptyOneIsNoList() {
        assertThat(TrackCredit.artistList("A", null)).isEmpty();
        assertThat(TrackCredit.artistList("A", List.of())).isEmpty();
        assertThat(TrackCredit.artistList("", List.of(""))).isEmpty();
    }
}
