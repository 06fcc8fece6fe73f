package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.listens.ListenFixtures.T0;
import static org.tonearm.listens.ListenFixtures.all;
import static org.tonearm.listens.ListenFixtures.batch;
import static org.tonearm.listens.ListenFixtures.errorFields;
import static org.tonearm.listens.ListenFixtures.ids;
import static org.tonearm.listens.ListenFixtures.listen;
import static org.tonearm.listens.ListenFixtures.titles;
import static org.tonearm.listens.ListenFixtures.with;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/listens}: newest first, keyset pages, and each filter (docs/api.md#listing-and-editing, #listen-shapes). */
class ListensPagingIntegrationTests extends IntegrationTestBase {

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void submit(Api api, List<Map<String, Object>> listens) {
        Api.Response r = api.post("/api/v1/listens", batch(listens));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void walksThreePagesNewestFirstWithoutGapsOrRepeats() {
        Api me = api().newUser().api();
        List<Map<String, Object>> listens = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            listens.add(listen("Four Tet", "Track " + i, i));
        }
        // two different tracks started at the same millisecond, straddling the edge of page one: the id
        // breaks the tie, so neither is skipped nor repeated
        listens.add(with(listen("Four Tet", "Twin", 0), "listened_at", T0.plusSeconds(60 * 4).toString()));
        submit(me, listens);

        Api.Response p1 = me.get("/api/v1/listens?limit=3");
        Api.Response p2 = me.get("/api/v1/listens?limit=3&cursor=" + p1.json().path("next_cursor").asString());
        Api.Response p3 = me.get("/api/v1/listens?limit=3&cursor=" + p2.json().path("next_cursor").asString());

        List<JsonNode> seen = new ArrayList<>();
        for (Api.Response p : List.of(p1, p2, p3)) {
            assertThat(p.status()).as(p.body()).isEqualTo(200);
            p.json().path("listens").values().forEach(seen::add);
        }
        assertThat(p1.json().path("listens").size()).isEqualTo(3);
        assertThat(p2.json().path("listens").size()).isEqualTo(3);
        assertThat(p3.json().path("listens").size()).isEqualTo(2);
        assertThat(p3.json().path("next_cursor").isNull()).isTrue();
        assertThat(ids(seen)).doesNotHaveDuplicates().hasSize(8);
        List<String> times = seen.stream().map(l -> l.path("listened_at").asString()).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(titles(seen).subList(0, 2)).containsExactly("Track 6", "Track 5");
        assertThat(titles(seen)).containsExactlyInAnyOrder("Track 0", "Track 1", "Track 2", "Track 3", "Track 4",
                "Twin", "Track 5", "Track 6");
        assertThat(times.get(2)).isEqualTo(times.get(3));
    }

    @Test
    void aFullLastPageStillEndsWithANullCursorAfterIt() {
        Api me = api().newUser().api();
        submit(me, List.of(listen("Caribou", "Sun", 0), listen("Caribou", "Odessa", 5)));

        Api.Response page = me.get("/api/v1/listens?limit=2");

        assertThat(page.json().path("listens").size()).isEqualTo(2);
        assertThat(page.json().path("next_cursor").isNull()).isTrue();
    }

    @Test
    void anEmptyHistoryIsAnEmptyPage() {
        Api.Response r = api().newUser().api().get("/api/v1/listens");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("listens").isEmpty()).isTrue();
        assertThat(r.json().path("next_cursor").isNull()).isTrue();
    }

    @Test
    void aGarbageCursorIs400() {
        Api me = api().newUser().api();
        Api.Response r = me.get("/api/v1/listens?cursor=not-a-cursor");
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorFields(r)).containsExactly("cursor");
    }

    @Test
    void limitsOutsideOneToAThousandAre400() {
        Api me = api().newUser().api();
        for (String bad : List.of("0", "1001", "abc")) {
            Api.Response r = me.get("/api/v1/listens?limit=" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(errorFields(r)).containsExactly("limit");
        }
        assertThat(me.get("/api/v1/listens?limit=1000").status()).isEqualTo(200);
        assertThat(me.get("/api/v1/listens?limit=1").status()).isEqualTo(200);
    }

    @Test
    void filtersByTimeWithFromInclusiveAndToExclusive() {
        Api me = api().newUser().api();
        submit(me, List.of(listen("Jon Hopkins", "Open Eye Signal", 0), listen("Jon Hopkins", "Emerald Rush", 10),
                listen("Jon Hopkins", "Singularity", 20)));
        String from = T0.plusSeconds(600).toString();
        long to = T0.plusSeconds(1200).getEpochSecond();

        assertThat(titles(all(me, "from=" + enc(from) + "&to=" + to))).containsExactly("Emerald Rush");
        assertThat(titles(all(me, "from=" + enc(from)))).containsExactly("Singularity", "Emerald Rush");
        assertThat(me.get("/api/v1/listens?from=tomorrow").status()).isEqualTo(400);
    }

    @Test
    void filtersByArtistIdOrNameIncludingFeaturedCredits() {
        Api me = api().newUser().api();
        submit(me, List.of(listen("Röyksopp", "Eple", 0), listen("Moby", "Porcelain", 5),
                with(listen("Röyksopp", "What Else Is There?", 10), "artists", List.of("Röyksopp", "Karin Dreijer"))));
        JsonNode eple = all(me).stream().filter(l -> l.path("track").path("title").asString().equals("Eple")).findFirst().orElseThrow();
        long royksopp = eple.path("track").path("artists").get(0).path("id").asLong();

        assertThat(titles(all(me, "artist=" + royksopp))).containsExactly("What Else Is There?", "Eple");
        assertThat(titles(all(me, "artist=" + enc("RÖYKSOPP")))).containsExactly("What Else Is There?", "Eple");
        assertThat(titles(all(me, "artist=" + enc("karin dreijer")))).containsExactly("What Else Is There?");
        assertThat(all(me, "artist=" + enc("Nobody"))).isEmpty();
    }

    @Test
    void filtersByAlbumIdOrName() {
        Api me = api().newUser().api();
        submit(me, List.of(with(listen("Daft Punk", "Da Funk", 0), "album", "Homework"),
                with(listen("Daft Punk", "One More Time", 5), "album", "Discovery"), listen("Daft Punk", "Revolution 909", 10)));
        long homework = all(me, "album=Homework").get(0).path("album").path("id").asLong();

        assertThat(titles(all(me, "album=" + homework))).containsExactly("Da Funk");
        assertThat(titles(all(me, "album=discovery"))).containsExactly("One More Time");
    }

    @Test
    void filtersByTrackIdOrName() {
        Api me = api().newUser().api();
        submit(me, List.of(listen("Daft Punk", "Aerodynamic", 0), listen("Daft Punk", "Aerodynamic", 30),
                listen("Daft Punk", "Digital Love", 40)));
        long track = all(me, "track=Aerodynamic").get(0).path("track").path("id").asLong();

        assertThat(all(me, "track=" + track)).hasSize(2);
        assertThat(titles(all(me, "track=" + enc("  DIGITAL   love ")))).containsExactly("Digital Love");
    }

    @Test
    void filtersByService() {
        Api me = api().newUser().api();
        submit(me, List.of(with(listen("Justice", "D.A.N.C.E.", 0), "service", "spotify"),
                with(listen("Justice", "Genesis", 30), "service", "bandcamp"), listen("Justice", "Phantom", 60)));

        assertThat(titles(all(me, "service=bandcamp"))).containsExactly("Genesis");
        assertThat(titles(all(me, "service=other"))).containsExactly("Phantom");
        assertThat(me.get("/api/v1/listens?service=napster").status()).isEqualTo(400);
    }

    @Test
    void searchesTrackArtistAndAlbumTextCaseInsensitively() {
        Api me = api().newUser().api();
        submit(me, List.of(with(listen("Boards of Canada", "Roygbiv", 0), "album", "Music Has the Right to Children"),
                listen("Tycho", "Awake", 10), listen("Bonobo", "Cirrus", 20), listen("Tycho", "100%_Sure", 30)));

        assertThat(titles(all(me, "q=" + enc("ROYG")))).containsExactly("Roygbiv");
        assertThat(titles(all(me, "q=" + enc("tych")))).containsExactly("100%_Sure", "Awake");
        assertThat(titles(all(me, "q=" + enc("right to")))).containsExactly("Roygbiv");
        assertThat(titles(all(me, "q=" + enc("0%_")))).containsExactly("100%_Sure");
        assertThat(all(me, "q=" + enc("%"))).hasSize(1);
    }

    @Test
    void combinesFiltersWithPaging() {
        Api me = api().newUser().api();
        List<Map<String, Object>> listens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            listens.add(listen(i % 2 == 0 ? "Even" : "Odd", "Song " + i, i));
        }
        submit(me, listens);

        Api.Response p1 = me.get("/api/v1/listens?artist=Even&limit=2");
        Api.Response p2 = me.get("/api/v1/listens?artist=Even&limit=2&cursor=" + p1.json().path("next_cursor").asString());

        assertThat(titles(p1.json().path("listens").values().stream().toList())).containsExactly("Song 4", "Song 2");
        assertThat(titles(p2.json().path("listens").values().stream().toList())).containsExactly("Song 0");
        assertThat(p2.json().path("next_cursor").isNull()).isTrue();
    }
}
