package org.tonearm.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;
import org.tonearm.shared.Database;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * Credits that grow do not depend on the order in which sources arrive (docs/api.md#catalog, issue 17 item 3): the
 * same sources — partial and fuller artist lists, as "feat." in the artist, "(ft. …)" in the title or a structured
 * list — resolved in two random orders and batchings end in the same credits: the primary artist, then the union
 * of every source's featured artists in key order. On SQLite and PostgreSQL; each order uses a track of its own.
 */
class CreditGrowthIntegrationProperties {

    /** Featured artists as sources spell them; one spelling each, since the first spelling names an artist. */
    private static final List<String> POOL = List.of("MØ", "DJ Snake", "Beyoncé", "A$AP Rocky", "Élodie", "bob");

    /** The shared context of the …IntegrationTests (Spring's context cache), not one of its own. */
    static final class Shared extends IntegrationTestBase {}

    private static ApplicationContext context;

    private static synchronized ApplicationContext context() {
        if (context == null) {
            context = new TestContextManager(Shared.class).getTestContext().getApplicationContext();
        }
        return context;
    }

    enum Form { ARTIST_TEXT, TITLE_TEXT, STRUCTURED }

    record Source(List<Integer> featured, Form form) {
        TrackCredit credit(String primary, String title) {
            List<String> names = featured.stream().map(POOL::get).toList();
            if (names.isEmpty()) {
                return TrackCredit.of(primary, title, null);
            }
            return switch (form) {
                case ARTIST_TEXT -> TrackCredit.of(primary + " feat. " + String.join(" & ", names), title, null);
                case TITLE_TEXT -> TrackCredit.of(primary, title + " (ft. " + String.join(", ", names) + ")", null);
                case STRUCTURED -> {
                    List<String> artists = new ArrayList<>(List.of(primary));
                    artists.addAll(names);
                    yield new TrackCredit(primary, artists, title, null, null, Identifiers.NONE);
                }
            };
        }
    }

    @Provide
    Arbitrary<List<Source>> sources() {
        Arbitrary<List<Integer>> featured = Arbitraries.integers().between(0, POOL.size() - 1).list().ofMaxSize(4)
                .uniqueElements();
        return Combinators.combine(featured, Arbitraries.of(Form.class)).as(Source::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 25)
    void finalCreditsAreTheUnionOfAllSourcesWhateverTheOrder(@ForAll("sources") List<Source> sources,
            @ForAll("orders") List<Integer> order, @ForAll @IntRange(min = 1, max = 3) int firstBatch,
            @ForAll @IntRange(min = 1, max = 3) int secondBatch) {
        // a permutation of 0…5 restricted to the sources' indices is a permutation of the sources
        List<Source> permuted = order.stream().filter(i -> i < sources.size()).map(sources::get).toList();

        List<String> first = creditsAfter(sources, firstBatch);
        List<String> second = creditsAfter(permuted, secondBatch);

        TreeMap<String, String> union = new TreeMap<>();
        sources.forEach(s -> s.featured().forEach(i -> union.put(NameKeys.normalize(POOL.get(i)), POOL.get(i))));
        List<String> expected = new ArrayList<>(List.of("PRIMARY:primary"));
        union.values().forEach(name -> expected.add(name + ":featured"));
        assertThat(first).isEqualTo(expected);
        assertThat(second).isEqualTo(first);
    }

    @Provide
    Arbitrary<List<Integer>> orders() {
        return Arbitraries.shuffle(0, 1, 2, 3, 4, 5);
    }

    /** Resolves the sources on a fresh track, {@code batch} credits per transaction; its credits as name:role. */
    private static List<String> creditsAfter(List<Source> sources, int batch) {
        CatalogService catalog = context().getBean(CatalogService.class);
        Database database = context().getBean(Database.class);
        String primary = "Primary " + UUID.randomUUID();
        long trackId = -1;
        for (int i = 0; i < sources.size(); i += batch) {
            List<TrackCredit> credits = sources.subList(i, Math.min(sources.size(), i + batch)).stream()
                    .map(s -> s.credit(primary, "Lean On")).toList();
            trackId = database.write(() -> catalog.resolveAll(credits)).get(0).trackId();
        }
        long id = trackId;
        return catalog.tracks(List.of(id)).get(id).artists().stream()
                .map(a -> (a.name().equals(primary) ? "PRIMARY" : a.name()) + ":" + a.role()).toList();
    }

}
