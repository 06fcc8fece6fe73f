package org.tonearm.stats.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.tonearm.stats.Figures;
import org.tonearm.stats.TopOrder;

/**
 * The dashboard's in-memory ranking ({@link Ranking}) against a full sort of every item: the same first items and the
 * same ranks. Figures are drawn from a few values so that ties on plays and time (broken by id) are common.
 */
class RankingProperties {

    @Property
    void theFirstItemsAreTheSortsFirstItems(@ForAll @Size(max = 60) List<@IntRange(max = 3) Integer> plays,
            @ForAll @Size(max = 60) List<@IntRange(max = 3) Integer> minutes, @ForAll TopOrder order,
            @ForAll @IntRange(max = 70) int limit) {
        Map<Long, Figures> items = items(plays, minutes);
        List<Long> sorted = sorted(items, order);
        assertThat(Ranking.first(items, order, limit)).extracting(Map.Entry::getKey)
                .containsExactlyElementsOf(sorted.subList(0, Math.min(limit, sorted.size())));
    }

    @Property
    void ranksAreOneMoreThanTheItemsBefore(@ForAll @Size(max = 60) List<@IntRange(max = 3) Integer> plays,
            @ForAll @Size(max = 60) List<@IntRange(max = 3) Integer> minutes, @ForAll TopOrder order,
            @ForAll @Size(max = 8) List<@LongRange(max = 70) Long> wanted) {
        Map<Long, Figures> items = items(plays, minutes);
        List<Long> sorted = sorted(items, order);
        Map<Long, Integer> expected = new HashMap<>();
        for (Long id : wanted) {
            if (items.containsKey(id)) {
                expected.put(id, sorted.indexOf(id) + 1);
            }
        }
        assertThat(Ranking.ranksOf(wanted, items, order)).isEqualTo(expected);
    }

    private static Map<Long, Figures> items(List<Integer> plays, List<Integer> minutes) {
        Map<Long, Figures> items = new HashMap<>();
        for (int i = 0; i < Math.min(plays.size(), minutes.size()); i++) {
            items.put((long) (i * 7 % 61), new Figures(plays.get(i), plays.get(i), 0, minutes.get(i) * 60_000L, 0));
        }
        return items;
    }

    /** The plain definition: plays or time descending, then the other, then id ascending. */
    private static List<Long> sorted(Map<Long, Figures> items, TopOrder order) {
        List<Map.Entry<Long, Figures>> all = new ArrayList<>(items.entrySet());
        all.sort((a, b) -> {
            Figures x = a.getValue();
            Figures y = b.getValue();
            int c = order == TopOrder.PLAYS ? Long.compare(y.plays(), x.plays())
                    : Long.compare(y.listeningTimeMs(), x.listeningTimeMs());
            if (c == 0) {
                c = order == TopOrder.PLAYS ? Long.compare(y.listeningTimeMs(), x.listeningTimeMs())
                        : Long.compare(y.plays(), x.plays());
            }
            return c != 0 ? c : Long.compare(a.getKey(), b.getKey());
        });
        return all.stream().map(Map.Entry::getKey).toList();
    }
}
