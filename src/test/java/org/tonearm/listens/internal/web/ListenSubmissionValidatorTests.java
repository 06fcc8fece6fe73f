package org.tonearm.listens.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.listens.Service;
import org.tonearm.shared.TonearmException.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ListenSubmissionValidatorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long DAY24 = 24L * 24 * 3600 * 1000;

    private static Map<String, Object> listen() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("artist", "Massive Attack");
        m.put("track", "Teardrop");
        m.put("listened_at", "2024-05-01T12:00:00.000Z");
        return m;
    }

    private static Map<String, Object> listenWith(String key, Object value) {
        Map<String, Object> m = listen();
        m.put(key, value);
        return m;
    }

    private static Map<String, Object> listenWithout(String key) {
        Map<String, Object> m = listen();
        m.remove(key);
        return m;
    }

    private static Result validate(Object body) {
        JsonNode node = body instanceof String s ? JSON.readTree(s) : JSON.valueToTree(body);
        FieldErrors errors = new FieldErrors();
        ValidatedListen v = ListenSubmissionValidator.validate(node, "", errors);
        return new Result(v, errors.list());
    }

    private record Result(ValidatedListen listen, List<FieldError> errors) {
        List<String> fields() {
            return errors.stream().map(FieldError::field).toList();
        }
    }

    @Test
    void acceptsAMinimalListenAndDefaultsTheRest() {
        Result r = validate(listen());
        assertThat(r.errors()).isEmpty();
        assertThat(r.listen().artist()).isEqualTo("Massive Attack");
        assertThat(r.listen().listenedAtMs()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z").toEpochMilli());
        assertThat(r.listen().service()).isNull();
        assertThat(r.listen().album()).isNull();
        assertThat(r.listen().raw()).contains("\"track\":\"Teardrop\"");
    }

    @Test
    void acceptsEveryOptionalField() {
        Map<String, Object> m = listen();
        m.put("artists", List.of("Massive Attack", "Elizabeth Fraser"));
        m.put("album", "Mezzanine");
        m.put("duration_played_ms", 200_000);
        m.put("track_length_ms", 330_000);
        m.put("service", "spotify");
        m.put("client", "cli");
        m.put("external_id", "play-1");
        m.put("extra", Map.of("origin_url", "https://x"));
        Result r = validate(m);
        assertThat(r.errors()).isEmpty();
        assertThat(r.listen().artists()).containsExactly("Massive Attack", "Elizabeth Fraser");
        assertThat(r.listen().service()).isEqualTo(Service.SPOTIFY);
        assertThat(r.listen().durationPlayedMs()).isEqualTo(200_000L);
        assertThat(r.listen().extra().get("origin_url").stringValue()).isEqualTo("https://x");
    }

    @Test
    void acceptsEpochSecondsForListenedAt() {
        Result r = validate(listenWith("listened_at", 1714564800));
        assertThat(r.listen().listenedAtMs()).isEqualTo(1714564800_000L);
    }

    @Test
    void acceptsAnIsoInstantWithAnOffset() {
        Result r = validate(listenWith("listened_at", "2024-05-01T14:00:00+02:00"));
        assertThat(r.listen().listenedAtMs()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z").toEpochMilli());
    }

    @Test
    void rejectsMissingArtist() {
        assertThat(validate(listenWithout("artist")).fields()).containsExactly("artist");
    }

    @Test
    void rejectsBlankArtist() {
        assertThat(validate(listenWith("artist", "   ")).fields()).containsExactly("artist");
    }

    @Test
    void rejectsMissingTrack() {
        assertThat(validate(listenWithout("track")).fields()).containsExactly("track");
    }

    @Test
    void rejectsBlankTrack() {
        assertThat(validate(listenWith("track", "")).fields()).containsExactly("track");
    }

    @Test
    void rejectsMissingListenedAt() {
        assertThat(validate(listenWithout("listened_at")).fields()).containsExactly("listened_at");
    }

    @Test
    void rejectsABooleanListenedAt() {
        assertThat(validate(listenWith("listened_at", true)).fields()).containsExactly("listened_at");
    }

    @Test
    void rejectsAFractionalListenedAt() {
        assertThat(validate(listenWith("listened_at", 1714564800.5)).fields()).containsExactly("listened_at");
    }

    @Test
    void rejectsAnUnparseableListenedAt() {
        assertThat(validate(listenWith("listened_at", "yesterday")).fields()).containsExactly("listened_at");
    }

    @Test
    void rejectsAHugeEpochSecondsValueWithoutOverflow() {
        assertThat(validate(listenWith("listened_at", Long.MAX_VALUE)).fields()).containsExactly("listened_at");
    }

    @Test
    void rejectsAStringDuration() {
        assertThat(validate(listenWith("duration_played_ms", "abc")).fields()).containsExactly("duration_played_ms");
    }

    @Test
    void rejectsANegativeDuration() {
        assertThat(validate(listenWith("duration_played_ms", -1)).fields()).containsExactly("duration_played_ms");
    }

    @Test
    void acceptsDurationsFromZeroToTwentyFourDays() {
        assertThat(validate(listenWith("duration_played_ms", 0)).errors()).isEmpty();
        assertThat(validate(listenWith("duration_played_ms", DAY24)).errors()).isEmpty();
        assertThat(validate(listenWith("duration_played_ms", DAY24 + 1)).fields()).containsExactly("duration_played_ms");
    }

    @Test
    void rejectsTrackLengthsOutOfRange() {
        assertThat(validate(listenWith("track_length_ms", -5)).fields()).containsExactly("track_length_ms");
        assertThat(validate(listenWith("track_length_ms", DAY24 + 1)).fields()).containsExactly("track_length_ms");
        assertThat(validate(listenWith("track_length_ms", DAY24)).errors()).isEmpty();
    }

    @Test
    void acceptsNamesOfExactly512CharactersButNot513() {
        for (String field : List.of("artist", "track", "album")) {
            assertThat(validate(listenWith(field, "a".repeat(512))).errors()).as(field).isEmpty();
            assertThat(validate(listenWith(field, "a".repeat(513))).fields()).as(field).containsExactly(field);
        }
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String emoji512 = "\uD83C\uDFB5".repeat(512);
        assertThat(validate(listenWith("artist", emoji512)).errors()).isEmpty();
    }

    @Test
    void rejectsAnOverlongEntryOfArtistsByItsIndex() {
        Result r = validate(listenWith("artists", List.of("ok", "b".repeat(513))));
        assertThat(r.fields()).containsExactly("artists[1]");
    }

    @Test
    void rejectsANonStringEntryOfArtists() {
        assertThat(validate(listenWith("artists", List.of("ok", 5))).fields()).containsExactly("artists[1]");
    }

    @Test
    void rejectsArtistsThatIsNotAnArray() {
        assertThat(validate(listenWith("artists", "A, B")).fields()).containsExactly("artists");
    }

    @Test
    void rejectsAClientLongerThanItsColumn() {
        assertThat(validate(listenWith("client", "c".repeat(100))).errors()).isEmpty();
        assertThat(validate(listenWith("client", "c".repeat(101))).fields()).containsExactly("client");
    }

    @Test
    void rejectsNulCharactersNamingTheField() {
        for (String field : List.of("artist", "track", "album", "client", "external_id")) {
            assertThat(validate(listenWith(field, "bad\u0000value")).fields()).as(field).containsExactly(field);
        }
    }

    @Test
    void rejectsNulCharactersInsideExtra() {
        Result r = validate(listenWith("extra", Map.of("tags", List.of("fine", "bad\u0000"))));
        assertThat(r.fields()).containsExactly("extra.tags[1]");
    }

    @Test
    void rejectsExtraThatIsNotAnObject() {
        assertThat(validate(listenWith("extra", List.of(1))).fields()).containsExactly("extra");
    }

    @Test
    void rejectsAnUnknownService() {
        assertThat(validate(listenWith("service", "napster")).fields()).containsExactly("service");
    }

    @Test
    void acceptsEveryServiceOfTheSpec() {
        for (String s : List.of("spotify", "apple_music", "youtube_music", "tidal", "deezer", "bandcamp", "local", "other")) {
            assertThat(validate(listenWith("service", s)).listen().service().wire()).isEqualTo(s);
        }
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        Map<String, Object> m = listenWithout("artist");
        m.put("listened_at", true);
        m.put("duration_played_ms", "abc");
        assertThat(validate(m).fields()).containsExactlyInAnyOrder("artist", "listened_at", "duration_played_ms");
    }

    @Test
    void namesFieldsUnderTheBatchPath() {
        FieldErrors errors = new FieldErrors();
        ListenSubmissionValidator.validate(JSON.valueToTree(listenWithout("artist")), "listens[3]", errors);
        assertThat(errors.list()).extracting(FieldError::field).containsExactly("listens[3].artist");
    }

    @Test
    void rejectsAnItemThatIsNotAnObject() {
        FieldErrors errors = new FieldErrors();
        ListenSubmissionValidator.validate(JSON.readTree("[1]"), "listens[0]", errors);
        assertThat(errors.list()).extracting(FieldError::field).containsExactly("listens[0]");
    }

    @Test
    void treatsNullOptionalFieldsAsAbsent() {
        Map<String, Object> m = listen();
        m.put("album", null);
        m.put("duration_played_ms", null);
        m.put("service", null);
        Result r = validate(m);
        assertThat(r.errors()).isEmpty();
        assertThat(r.listen().album()).isNull();
        assertThat(r.listen().durationPlayedMs()).isNull();
    }
}
