package org.tonearm.listens.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tonearm.listens.internal.persistence.ListenFilter;
import org.tonearm.shared.TonearmException;

class ListenListParamsTests {

    private static ListenFilter filter(String limit, String artist, String album, String track, String service) {
        return ListenListParams.toFilter(7, new ListenListParams.Raw(limit, null, null, null, artist, album, track,
                service, null));
    }

    @Test
    void defaultsToFiftyNewestWithoutFilters() {
        ListenFilter f = filter(null, null, null, null, null);
        assertThat(f.limit()).isEqualTo(50);
        assertThat(f.userId()).isEqualTo(7);
        assertThat(f.after()).isNull();
        assertThat(f.artistId()).isNull();
        assertThat(f.artistKey()).isNull();
    }

    @Test
    void acceptsLimitsFromOneToAThousand() {
        assertThat(filter("1", null, null, null, null).limit()).isEqualTo(1);
        assertThat(filter("1000", null, null, null, null).limit()).isEqualTo(1000);
    }

    @Test
    void rejectsLimitsOutsideOneToAThousand() {
        for (String bad : new String[] {"0", "1001", "-1", "ten", "1.5"}) {
            assertThatThrownBy(() -> filter(bad, null, null, null, null)).as(bad)
                    .isInstanceOfSatisfying(TonearmException.class,
                            e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("limit"));
        }
    }

    @Test
    void takesNumericFiltersAsCatalogIdsAndOthersAsNames() {
        ListenFilter byId = filter(null, "12", "34", "56", null);
        assertThat(byId.artistId()).isEqualTo(12);
        assertThat(byId.albumId()).isEqualTo(34);
        assertThat(byId.trackId()).isEqualTo(56);
        assertThat(byId.artistKey()).isNull();
        ListenFilter byName = filter(null, "  The Cure ", "Disintegration", "Lullaby", null);
        assertThat(byName.artistId()).isNull();
        assertThat(byName.artistKey()).isEqualTo("the cure");
        assertThat(byName.albumTitleKey()).isEqualTo("disintegration");
        assertThat(byName.trackTitleKey()).isEqualTo("lullaby");
    }

    @Test
    void rejectsAnUnknownService() {
        assertThatThrownBy(() -> filter(null, null, null, null, "napster"))
                .isInstanceOfSatisfying(TonearmException.class,
                        e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("service"));
    }

    @Test
    void rejectsAnUnparseableFrom() {
        assertThatThrownBy(() -> ListenListParams.instant("from", "last tuesday"))
                .isInstanceOfSatisfying(TonearmException.class,
                        e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("from"));
    }
}
