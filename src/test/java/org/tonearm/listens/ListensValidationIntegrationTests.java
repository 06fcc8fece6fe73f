package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.listens.ListenFixtures.all;
import static org.tonearm.listens.ListenFixtures.batch;
import static org.tonearm.listens.ListenFixtures.errorFields;
import static org.tonearm.listens.ListenFixtures.listen;
import static org.tonearm.listens.ListenFixtures.with;
import static org.tonearm.listens.ListenFixtures.without;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * Every bad input of {@code POST /api/v1/listens} (docs/api.md#accounts-and-authentication, #listens, #listen-shapes): the status, the field named in
 * {@code errors}, and that nothing was written.
 */
class ListensValidationIntegrationTests extends IntegrationTestBase {

    private static final long TWENTY_FOUR_DAYS_MS = 24L * 24 * 3600 * 1000;

    private Api me;

    @BeforeEach
    void freshUser() {
        me = api().newUser().api();
    }

    private void assertRejected(Object body, int status, String field) {
        Api.Response r = me.post("/api/v1/listens", body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("code").asString()).isEqualTo(status == 413 ? "PAYLOAD_TOO_LARGE" : "VALIDATION_ERROR");
        assertThat(errorFields(r)).contains(field);
        assertThat(all(me)).as("nothing written").isEmpty();
    }

    private static Map<String, Object> ok() {
        return listen("Aphex Twin", "Xtal", 0);
    }

    @Test
    void malformedJsonIs400() {
        Api.Response r = me.send("POST", "/api/v1/listens", "{\"artist\": \"A\", ", "application/json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorFields(r)).containsExactly("body");
        assertThat(all(me)).isEmpty();
    }

    @Test
    void anEmptyBodyIs400() {
        Api.Response r = me.send("POST", "/api/v1/listens", "", "application/json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(all(me)).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        assertRejected("[1,2,3]", 400, "body");
    }

    @Test
    void aBooleanListenedAtIs400NamingIt() {
        assertRejected(with(ok(), "listened_at", true), 400, "listened_at");
    }

    @Test
    void aStringDurationIs400NamingIt() {
        assertRejected(with(ok(), "duration_played_ms", "abc"), 400, "duration_played_ms");
    }

    @Test
    void aMissingArtistIs400NamingIt() {
        assertRejected(without(ok(), "artist"), 400, "artist");
    }

    @Test
    void aBlankArtistIs400NamingIt() {
        assertRejected(with(ok(), "artist", "  "), 400, "artist");
    }

    @Test
    void aMissingTrackIs400NamingIt() {
        assertRejected(without(ok(), "track"), 400, "track");
    }

    @Test
    void aBlankTrackIs400NamingIt() {
        assertRejected(with(ok(), "track", ""), 400, "track");
    }

    @Test
    void anArtistOver512CharactersIs400ButExactly512IsStored() {
        assertRejected(with(ok(), "artist", "a".repeat(513)), 400, "artist");
        assertThat(me.post("/api/v1/listens", with(ok(), "artist", "a".repeat(512))).status()).isEqualTo(201);
    }

    @Test
    void anEntryOfArtistsOver512CharactersIs400NamingItsIndex() {
        assertRejected(with(ok(), "artists", List.of("Aphex Twin", "b".repeat(513))), 400, "artists[1]");
    }

    @Test
    void aTrackOver512CharactersIs400() {
        assertRejected(with(ok(), "track", "t".repeat(513)), 400, "track");
    }

    @Test
    void anAlbumOver512CharactersIs400() {
        assertRejected(with(ok(), "album", "l".repeat(513)), 400, "album");
    }

    @Test
    void aClientNameLongerThanItsColumnIs400() {
        assertRejected(with(ok(), "client", "c".repeat(513)), 400, "client");
        assertRejected(with(ok(), "client", "c".repeat(101)), 400, "client");
    }

    @Test
    void aListenedAtBefore1970Is400() {
        assertRejected(with(ok(), "listened_at", "1969-12-31T23:59:59Z"), 400, "listened_at");
        assertRejected(with(ok(), "listened_at", -1), 400, "listened_at");
    }

    @Test
    void aListenedAtMoreThanAnHourAheadIs400() {
        assertRejected(with(ok(), "listened_at", Instant.now().plusSeconds(3600 + 120).toString()), 400, "listened_at");
    }

    @Test
    void aListenedAtJustUnderAnHourAheadIsAccepted() {
        Api.Response r = me.post("/api/v1/listens", with(ok(), "listened_at", Instant.now().plusSeconds(3500).toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void aNegativeDurationIs400() {
        assertRejected(with(ok(), "duration_played_ms", -1), 400, "duration_played_ms");
    }

    @Test
    void aDurationOverTwentyFourDaysIs400() {
        assertRejected(with(ok(), "duration_played_ms", TWENTY_FOUR_DAYS_MS + 1), 400, "duration_played_ms");
    }

    @Test
    void aNegativeTrackLengthIs400() {
        assertRejected(with(ok(), "track_length_ms", -1), 400, "track_length_ms");
    }

    @Test
    void aTrackLengthOverTwentyFourDaysIs400() {
        assertRejected(with(ok(), "track_length_ms", TWENTY_FOUR_DAYS_MS + 1), 400, "track_length_ms");
    }

    @Test
    void aNulCharacterIs400NamingTheField() {
        assertRejected(with(ok(), "track", "Xtal\u0000"), 400, "track");
        assertRejected(with(ok(), "artist", "\u0000Aphex"), 400, "artist");
        assertRejected(with(ok(), "extra", Map.of("note", "a\u0000b")), 400, "extra.note");
    }

    @Test
    void anUnknownServiceIs400() {
        assertRejected(with(ok(), "service", "napster"), 400, "service");
    }

    @Test
    void anEmptyBatchIs400() {
        assertRejected(batch(List.of()), 400, "listens");
    }

    @Test
    void aBatchThatIsNotAnArrayIs400() {
        assertRejected(Map.of("listens", "all of them"), 400, "listens");
    }

    @Test
    void aBatchOfExactly1000IsAcceptedButNot1001() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(listen("Aphex Twin", "Track " + i, i));
        }
        assertRejected(batch(items), 413, "listens");

        Api.Response r = me.post("/api/v1/listens", batch(items.subList(0, 1000)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("created").asInt()).isEqualTo(1000);
    }

    @Test
    void aBodyOverTenMegabytesIs413() {
        String padding = String.join("", Collections.nCopies(11 * 1024 * 1024, "x"));
        String body = "{\"artist\":\"A\",\"track\":\"B\",\"listened_at\":1714564800,\"extra\":{\"pad\":\"" + padding + "\"}}";

        Api.Response r = me.send("POST", "/api/v1/listens", body, "application/json");

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(all(me)).isEmpty();
    }
}
