package org.tonearm.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameKeysTests {

    @Test
    void aCapitalSharpSFoldsAllTheWayAndTheKeyIsStable() {
        // found by NameKeysProperties: "ẞ" lower-cases to "ß", which only a second fold turns into "ss"
        assertThat(NameKeys.normalize("ẞ")).isEqualTo("ss");
        assertThat(NameKeys.normalize(NameKeys.normalize("GROẞ"))).isEqualTo(NameKeys.normalize("GROẞ"));
    }

    @Test
    void caseAndWhitespaceDifferencesGiveTheSameKey() {
        assertThat(NameKeys.normalize("The Beatles ")).isEqualTo(NameKeys.normalize("the  beatles")).isEqualTo("the beatles");
    }

    @Test
    void tabsNewlinesAndNoBreakSpacesCollapseToOneSpace() {
        assertThat(NameKeys.normalize("Daft\tPunk")).isEqualTo("daft punk");
        assertThat(NameKeys.normalize("Daft\u00a0\u00a0Punk")).isEqualTo("daft punk");
        assertThat(NameKeys.normalize("Daft \n\u3000 Punk")).isEqualTo("daft punk");
    }

    @Test
    void fullwidthLettersFoldToAscii() {
        assertThat(NameKeys.normalize("ＡＢＢＡ")).isEqualTo("abba");
    }

    @Test
    void ligaturesAreExpanded() {
        assertThat(NameKeys.normalize("ﬁnal ﬂight")).isEqualTo("final flight");
    }

    @Test
    void composedAndDecomposedAccentsAreTheSame() {
        assertThat(NameKeys.normalize("Beyonce\u0301")).isEqualTo(NameKeys.normalize("Beyoncé")).isEqualTo("beyoncé");
    }

    @Test
    void sharpSAndFinalSigmaAreCaseFolded() {
        assertThat(NameKeys.normalize("Straße")).isEqualTo(NameKeys.normalize("STRASSE"));
        assertThat(NameKeys.normalize("ΟΔΥΣΣΕΥΣ")).isEqualTo(NameKeys.normalize("οδυσσευς"));
    }

    @Test
    void emojiAndCjkAreKept() {
        assertThat(NameKeys.normalize("🎸 Rock 🎸")).isEqualTo("🎸 rock 🎸");
        assertThat(NameKeys.normalize("  宇多田ヒカル ")).isEqualTo("宇多田ヒカル");
        assertThat(NameKeys.normalize("ｶﾀｶﾅ")).isEqualTo("カタカナ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"Heroes\"|heroes",
            "...Baby One More Time|baby one more time",
            "Wham!|wham",
            "P!nk|p!nk",
            "(What's the Story) Morning Glory?|what's the story) morning glory",
            "«Les Mots»|les mots",
            "Ke$ha|ke$ha"})
    void surroundingPunctuationIsTrimmedButInnerPunctuationKept(String name, String key) {
        assertThat(NameKeys.normalize(name)).isEqualTo(key);
    }

    @Test
    void aNameMadeOnlyOfPunctuationKeepsIt() {
        assertThat(NameKeys.normalize("!!!")).isEqualTo("!!!");
        assertThat(NameKeys.normalize(" ? ")).isEqualTo("?");
        assertThat(NameKeys.normalize("!!!")).isNotEqualTo(NameKeys.normalize("?"));
    }

    @Test
    void nullAndBlankGiveAnEmptyKey() {
        assertThat(NameKeys.normalize(null)).isEmpty();
        assertThat(NameKeys.normalize(" \t\u00a0")).isEmpty();
    }

    @Test
    void keysNeverContainTheCompositeSeparator() {
        assertThat(NameKeys.normalize("a\u001fb")).isEqualTo("a b");
    }

    @Test
    void tidyCollapsesWhitespaceButKeepsCaseAndPunctuation() {
        assertThat(NameKeys.tidy("  The   Beatles! ")).isEqualTo("The Beatles!");
    }
}
