package org.tonearm.integrations.internal.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code tonearm.integrations.listenbrainz.page-size}: 1 to ListenBrainz's MAX_ITEMS_PER_GET (1000); unset or out of
 * range means 1000, so a typo can never ask ListenBrainz for more than it serves nor page by zero.
 */
class ListenBrainzPropertiesTests {

    private static int pageSize(Integer configured) {
        return new ListenBrainzProperties(null, configured).pageSize();
    }

    @Test
    void pageSizeKeepsValuesFromOneToTheMaximumAndOtherwiseUsesTheMaximum() {
        assertThat(pageSize(null)).isEqualTo(1000);
        assertThat(pageSize(-5)).isEqualTo(1000);
        assertThat(pageSize(0)).isEqualTo(1000);
        assertThat(pageSize(1)).isEqualTo(1);
        assertThat(pageSize(999)).isEqualTo(999);
        assertThat(pageSize(1000)).isEqualTo(1000);
        assertThat(pageSize(1001)).isEqualTo(1000);
    }
}
