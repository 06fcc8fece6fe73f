package org.tonearm.compat.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The exact boundaries of ListenBrainz's listen rules, with a fixed "now". */
class ListenBrainzListenValidatorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long NOW = 1_750_000_000L;
    private final ListenBrainzListenValidator validator = new ListenBrainzListenValidator();

    private ObjectNode validate(String listen, ListenType type) {
        return validator.validate(JSON.readTree(listen), type, NOW);
    }

    private static String at(Object ts) {
        return "{\"listened_at\": " + ts + ", \"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T\"}}";
    }

    private static String withInfo(String info) {
        return "{\"listened_at\": 1714564800, \"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T\", "
                + "\"additional_info\": " + info + "}}";
    }

    private void rejects(String listen, String message) {
        assertThatThrownBy(() -> validate(listen, ListenType.SINGLE))
                .isInstanceOf(ListenBrainzApiException.class).hasMessage(message);
    }

    @Test
    void listenedAtOneSecondBeforeNowPlusAnHourIsTheLastAcceptedSecond() {
        assertThat(validate(at(NOW + 3599), ListenType.SINGLE).get("listened_at").asLong()).isEqualTo(NOW + 3599);
        rejects(at(NOW + 3600), "Value for key listened_at is too high.");
    }

    @Test
    void listenedAtStartsOnTheFirstSecondOfOctober2002() {
        assertThat(validate(at(1_033_430_400L), ListenType.IMPORT).get("listened_at").asLong()).isEqualTo(1_033_430_400L);
        assertThatThrownBy(() -> validate(at(1_033_430_399L), ListenType.IMPORT))
                .hasMessageStartingWith("Value for key listened_at is too low.");
    }

    @Test
    void listenedAtIsConvertedLikePythonInt() {
        assertThat(validate(at(1714564800.9), ListenType.SINGLE).get("listened_at").asLong()).isEqualTo(1714564800L);
        assertThat(validate("{\"listened_at\": \" 1714564800 \", \"track_metadata\": {\"artist_name\": \"A\", "
                + "\"track_name\": \"T\"}}", ListenType.SINGLE).get("listened_at").isIntegralNumber()).isTrue();
        rejects("{\"listened_at\": \"1714564800.5\", \"track_metadata\": {}}",
                "JSON document must contain an int value for listened_at.");
        rejects("{\"listened_at\": null, \"track_metadata\": {}}",
                "JSON document must contain an int value for listened_at.");
    }

    @Test
    void fiftyTagsOfSixtyFourCharactersAreTheLimit() {
        String fifty = "[" + "\"t\",".repeat(49) + "\"" + "x".repeat(64) + "\"]";
        assertThat(validate(withInfo("{\"tags\": " + fifty + "}"), ListenType.SINGLE)).isNotNull();
        rejects(withInfo("{\"tags\": [" + "\"t\",".repeat(50) + "\"t\"]}"),
                "JSON document may not contain more than 50 items in track_metadata.additional_info.tags.");
        rejects(withInfo("{\"tags\": [\"" + "x".repeat(65) + "\"]}"),
                "JSON document may not contain track_metadata.additional_info.tags longer than 64 characters.");
    }

    @Test
    void tagLengthCountsCharactersNotBytes() {
        String sixtyFourAccented = "é".repeat(64);
        assertThat(validate(withInfo("{\"tags\": [\"" + sixtyFourAccented + "\"]}"), ListenType.SINGLE)).isNotNull();
    }

    @Test
    void durationsArePositiveAndAtMostTwentyFourDays() {
        assertThat(validate(withInfo("{\"duration\": 2073600}"), ListenType.SINGLE)).isNotNull();
        assertThat(validate(withInfo("{\"duration_ms\": 1}"), ListenType.SINGLE)).isNotNull();
        assertThat(validate(withInfo("{\"duration_ms\": \"305000\"}"), ListenType.SINGLE)
                .at("/track_metadata/additional_info/duration_ms").asLong()).isEqualTo(305000L);
        rejects(withInfo("{\"duration\": 2073601}"), "Value for duration is too large, max permitted value is 2073600");
        rejects(withInfo("{\"duration_ms\": 2073600001}"),
                "Value for duration_ms is too large, max permitted value is 2073600000");
        rejects(withInfo("{\"duration_ms\": -1}"), "Value for duration_ms is invalid, should be a positive integer.");
    }

    @Test
    void mbidsAcceptPythonUuidSpellingsAndDropFalsyValues() {
        JsonNode info = validate(withInfo("{\"recording_mbid\": \"{0C2B5A1104C74BC89D6B5B5E1B3B5E0A}\", "
                + "\"release_mbid\": \"urn:uuid:0c2b5a11-04c7-4bc8-9d6b-5b5e1b3b5e0a\", \"track_mbid\": 0, "
                + "\"artist_mbids\": [\"\", null]}"), ListenType.SINGLE).at("/track_metadata/additional_info");

        assertThat(info.has("recording_mbid")).isTrue();
        assertThat(info.has("release_mbid")).isTrue();
        assertThat(info.has("track_mbid")).isFalse();
        assertThat(info.path("artist_mbids")).isEmpty();
        rejects(withInfo("{\"artist_mbids\": \"0c2b5a11-04c7-4bc8-9d6b-5b5e1b3b5e0a\"}"),
                "artist_mbids MBID format invalid.");
    }

    @Test
    void namesAreStoredStripped() {
        ObjectNode listen = validate("{\"listened_at\": 1714564800, \"track_metadata\": {\"artist_name\": \" A \", "
                + "\"track_name\": \"\\tT\\n\", \"release_name\": \" R\"}}", ListenType.SINGLE);

        assertThat(listen.at("/track_metadata/artist_name").asString()).isEqualTo("A");
        assertThat(listen.at("/track_metadata/track_name").asString()).isEqualTo("T");
        assertThat(listen.at("/track_metadata/release_name").asString()).isEqualTo("R");
    }
}
