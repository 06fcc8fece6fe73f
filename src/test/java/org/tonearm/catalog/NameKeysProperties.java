package org.tonearm.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Invariants of identity keys over generated names. */
class NameKeysProperties {

    @Property
    void aKeyIsItsOwnKey(@ForAll @StringLength(max = 40) String name) {
        String key = NameKeys.normalize(name);
        assertThat(NameKeys.normalize(key)).isEqualTo(key);
    }

    @Property
    void keysHaveNoSurroundingOrDoubledSpacesNorTheSeparator(@ForAll @StringLength(max = 40) String name) {
        String key = NameKeys.normalize(name);
        assertThat(key).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ")
                .doesNotContain(String.valueOf(NameKeys.SEPARATOR));
    }

    @Property
    void asciiNamesIgnoreCase(@ForAll @StringLength(max = 40) @CharRange(from = ' ', to = '~') @Chars({'\t'}) String name) {
        assertThat(NameKeys.normalize(name.toUpperCase(Locale.ROOT))).isEqualTo(NameKeys.normalize(name.toLowerCase(Locale.ROOT)));
    }

    @Property
    void aNonBlankNameNeverHasAnEmptyKey(@ForAll @StringLength(min = 1, max = 40) @CharRange(from = '!', to = '~') String name) {
        assertThat(NameKeys.normalize(name)).isNotEmpty();
    }
}
