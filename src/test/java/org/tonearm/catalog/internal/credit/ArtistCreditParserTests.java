package org.tonearm.catalog.internal.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;

class ArtistCreditParserTests {

    private final ArtistCreditParser parser = new ArtistCreditParser();

    private ParsedCredit parse(String artist, String title) {
        return parser.parse(TrackCredit.of(artist, title, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A feat. B", "A ft. B", "A featuring B", "A Feat B", "A FT B", "A (feat. B)", "A [ft. B]",
            "A  feat.  B ", "A feat.B", "A (Featuring B)"})
    void featuredArtistIsParsedFromArtistText(String artist) {
        ParsedCredit parsed = parse(artist, "Song");
        assertThat(parsed.primaryArtist()).isEqualTo("A");
        assertThat(parsed.featuredArtists()).containsExactly("B");
        assertThat(parsed.title()).isEqualTo("Song");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Song (feat. B)", "Song [ft. B]", "Song feat. B", "Song (ft B)", "Song FEAT. B"})
    void featuredArtistIsParsedFromTitleAndRemovedFromIt(String title) {
        ParsedCredit parsed = parse("A", title);
        assertThat(parsed.primaryArtist()).isEqualTo("A");
        assertThat(parsed.featuredArtists()).containsExactly("B");
        assertThat(parsed.title()).isEqualTo("Song");
    }

    @Test
    void severalFeaturedArtistsAreSplitInOrder() {
        assertThat(parse("A", "Song (featuring B & C)").featuredArtists()).containsExactly("B", "C");
        assertThat(parse("A feat. B, C and D", "Song").featuredArtists()).containsExactly("B", "C", "D");
        assertThat(parse("A ft. B x C", "Song").featuredArtists()).containsExactly("B", "C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Simon & Garfunkel", "Earth, Wind & Fire", "Crosby, Stills, Nash and Young", "Daft Punk",
            "Left Boy", "Craft", "Feat", "Soft Cell", "The Features", "Lil Nas X"})
    void primaryCreditWithoutMarkerStaysOneArtist(String artist) {
        ParsedCredit parsed = parse(artist, "Song");
        assertThat(parsed.primaryArtist()).isEqualTo(artist);
        assertThat(parsed.featuredArtists()).isEmpty();
    }

    @Test
    void primaryCreditIsNotSplitEvenWhenFeaturingOthers() {
        ParsedCredit parsed = parse("Simon & Garfunkel feat. Art", "Song");
        assertThat(parsed.primaryArtist()).isEqualTo("Simon & Garfunkel");
        assertThat(parsed.featuredArtists()).containsExactly("Art");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Daft Punk", "Left Boy", "Aircraft", "Feathers", "Featurette", "Loft Party"})
    void ftInsideWordsOfATitleIsNotAMarker(String title) {
        ParsedCredit parsed = parse("A", title);
        assertThat(parsed.title()).isEqualTo(title);
        assertThat(parsed.featuredArtists()).isEmpty();
    }

    @Test
    void titleKeepsWhatFollowsTheFeaturingPart() {
        assertThat(parse("A", "Song (feat. B) [Remix]").title()).isEqualTo("Song [Remix]");
        assertThat(parse("A", "Song feat. B - Radio Edit").title()).isEqualTo("Song - Radio Edit");
        assertThat(parse("A", "Song feat. B (Live)").title()).isEqualTo("Song (Live)");
    }

    @Test
    void aTitleThatIsOnlyAFeaturingPartIsKeptAsIs() {
        assertThat(parse("A", "(feat. B)").title()).isEqualTo("(feat. B)");
    }

    @Test
    void structuredListGivesPrimaryAndFeaturedPlusThoseFromTheTitle() {
        TrackCredit credit = new TrackCredit("A, B", List.of("A", "B"), "Song (feat. C)", null, null, Identifiers.NONE);
        ParsedCredit parsed = parser.parse(credit);
        assertThat(parsed.primaryArtist()).isEqualTo("A");
        assertThat(parsed.featuredArtists()).containsExactly("B", "C");
        assertThat(parsed.title()).isEqualTo("Song");
    }

    @Test
    void structuredPrimaryIsNeverSplit() {
        TrackCredit credit = new TrackCredit("Simon & Garfunkel", List.of("Simon & Garfunkel"), "Song", null, null, null);
        assertThat(parser.parse(credit).primaryArtist()).isEqualTo("Simon & Garfunkel");
        assertThat(parser.parse(credit).featuredArtists()).isEmpty();
    }

    @Test
    void featuredArtistsAreDeduplicatedByKeyAndNeverRepeatThePrimary() {
        ParsedCredit parsed = parse("A feat. B & a", "Song (ft. b, C)");
        assertThat(parsed.primaryArtist()).isEqualTo("A");
        assertThat(parsed.featuredArtists()).containsExactly("B", "C");
    }

    @Test
    void aCreditWithoutArtistOrTitleIsRejected() {
        assertThatThrownBy(() -> parse("  ", "Song")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("A", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMarkerAtTheStartIsNotAFeaturingPart() {
        ParsedCredit parsed = parse("Ft. Lauderdale", "Song");
        assertThat(parsed.primaryArtist()).isEqualTo("Ft. Lauderdale");
        assertThat(parsed.featuredArtists()).isEmpty();
    }
}
