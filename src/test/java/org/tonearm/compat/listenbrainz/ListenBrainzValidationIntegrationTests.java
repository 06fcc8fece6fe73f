package org.tonearm.compat.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Every ListenBrainz validation rule, one fixture each (src/test/resources/fixtures/listenbrainz/invalid_*.json):
 * 400 with ListenBrainz's exact message in {@code {code, error}}, and nothing stored.
 */
class ListenBrainzValidationIntegrationTests extends IntegrationTestBase {

    /** One user for all rejections (registration hashes a password: slow); tests that store create their own. */
    private static ListenBrainzClient rejected;
    private ListenBrainzClient client;

    @BeforeEach
    void user(org.junit.jupiter.api.TestInfo test) {
        if (test.getTestMethod().orElseThrow().getName().startsWith("rejects")) {
            rejected = rejected == null ? ListenBrainzClient.create(api()) : rejected;
            client = rejected;
        } else {
            client = ListenBrainzClient.create(api());
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments("invalid_top_level_not_object.json",
                        "Invalid JSON document submitted. Top level of JSON document should be a json object."),
                arguments("invalid_payload_missing.json", "Invalid JSON document submitted."),
                arguments("invalid_payload_not_a_list.json",
                        "The payload in the JSON document should be a list of listens."),
                arguments("invalid_payload_empty.json", "JSON document does not contain any listens"),
                arguments("invalid_too_many_listens.json",
                        "Too many listens. You may not submit more than 1000 listens at once."),
                arguments("invalid_listen_too_large.json",
                        "JSON document is too large. Each listens may not be larger than 10240 bytes."),
                arguments("invalid_listen_type_missing.json", "Invalid JSON document submitted."),
                arguments("invalid_listen_type_unknown.json", "JSON document requires a valid listen_type key."),
                arguments("invalid_single_with_two_listens.json",
                        "JSON document contains more than listen for a single/playing_now. It should contain only one."),
                arguments("invalid_playing_now_with_two_listens.json",
                        "JSON document contains more than listen for a single/playing_now. It should contain only one."),
                arguments("invalid_listen_null.json", "Listen is empty and cannot be validated."),
                arguments("invalid_listened_at_missing.json",
                        "JSON document must contain the key listened_at at the top level."),
                arguments("invalid_listened_at_not_int.json",
                        "JSON document must contain an int value for listened_at."),
                arguments("invalid_listened_at_too_high.json", "Value for key listened_at is too high."),
                arguments("invalid_listened_at_too_low.json", "Value for key listened_at is too low. listened_at "
                        + "timestamp should be greater than 1033410600 (2002-10-01 00:00:00 UTC)."),
                arguments("invalid_track_metadata_missing.json",
                        "JSON document must contain the key track_metadata at the top level."),
                arguments("invalid_extra_top_level_key.json",
                        "JSON document may only contain listened_at and track_metadata top level keys"),
                arguments("invalid_playing_now_with_listened_at.json",
                        "JSON document must not contain listened_at while submitting playing_now."),
                arguments("invalid_playing_now_extra_top_level_key.json",
                        "JSON document may only contain track_metadata as top level key when submitting playing_now."),
                arguments("invalid_track_metadata_null.json",
                        "JSON document may not have track_metadata with null value."),
                arguments("invalid_track_name_missing.json",
                        "JSON document does not contain required field track_metadata.track_name."),
                arguments("invalid_artist_name_missing.json",
                        "JSON document does not contain required field track_metadata.artist_name."),
                arguments("invalid_artist_name_not_a_string.json", "track_metadata.artist_name must be a single string."),
                arguments("invalid_track_name_empty.json", "field track_metadata.track_name is empty."),
                arguments("invalid_too_many_tags.json",
                        "JSON document may not contain more than 50 items in track_metadata.additional_info.tags."),
                arguments("invalid_tag_too_long.json",
                        "JSON document may not contain track_metadata.additional_info.tags longer than 64 characters."),
                arguments("invalid_duration_and_duration_ms.json",
                        "JSON document should not contain both duration and duration_ms."),
                arguments("invalid_duration_not_positive.json",
                        "Value for duration is invalid, should be a positive integer."),
                arguments("invalid_duration_not_int.json",
                        "Value for duration_ms is invalid, should be a positive integer."),
                arguments("invalid_duration_too_large.json",
                        "Value for duration is too large, max permitted value is 2073600"),
                arguments("invalid_duration_ms_too_large.json",
                        "Value for duration_ms is too large, max permitted value is 2073600000"),
                arguments("invalid_recording_mbid.json", "recording_mbid MBID format invalid."),
                arguments("invalid_artist_mbids.json", "artist_mbids MBID format invalid."),
                arguments("invalid_unicode_null.json", "Ro\u0000ads contains a unicode null"),
                arguments("invalid_unicode_null_in_additional_info.json", "trip\u0000hop contains a unicode null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rejectsTheRuleWithListenBrainzsMessageAndStoresNothing(String fixture, String message) {
        Api.Response r = client.submitFixture(fixture);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("code").asInt()).isEqualTo(400);
        assertThat(r.json().path("error").asString()).isEqualTo(message);
        assertThat(storedCount()).isZero();
    }

    @Test
    void rejectsMalformedJsonWithTheParserMessage() {
        Api.Response r = client.submitFixture("invalid_json_syntax.json");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asString()).startsWith("Cannot parse JSON document: ");
    }

    @Test
    void rejectsABodyOverTenMillionBytesBeforeParsingIt() {
        String body = "{\"padding\": \"" + "x".repeat(ListenBrainzSubmissionValidator.MAX_LISTEN_PAYLOAD_SIZE) + "\"}";

        Api.Response r = client.submit(body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asString()).isEqualTo("Payload too large. Payload cannot exceed 10240000 bytes");
    }

    @Test
    void aListenValidationErrorCarriesTheOffendingListenLikeListenBrainz() {
        JsonNode error = client.submitFixture("invalid_listened_at_too_low.json").json();

        assertThat(error.path("listened_at").asLong()).isEqualTo(1033430399L);
        assertThat(error.path("track_metadata").path("track_name").asString()).isEqualTo("Roads");
    }

    /** The exact boundary second is in ListenBrainzListenValidatorTests (a fixed clock); here a few seconds of slack. */
    @Test
    void acceptsListenedAtUpToOneHourAheadAndNotBeyond() {
        long now = System.currentTimeMillis() / 1000;
        Api.Response inside = client.submit(ListenBrainzClient.single(
                ListenBrainzClient.listen(now + 3600 - 5, "Portishead", "Roads")));
        Api.Response beyond = client.submit(ListenBrainzClient.single(
                ListenBrainzClient.listen(now + 3600 + 5, "Portishead", "Sour Times")));

        assertThat(inside.status()).as(inside.body()).isEqualTo(200);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().path("error").asString()).isEqualTo("Value for key listened_at is too high.");
    }

    @Test
    void acceptsTheFirstSecondOfOctober2002AndNumericStrings() {
        assertThat(client.submitFixture("valid_listened_at_minimum.json").status()).isEqualTo(200);
        assertThat(client.submitFixture("valid_listened_at_numeric_string.json").status()).isEqualTo(200);

        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void dropsEmptyMbidsInsteadOfRejectingThem() {
        assertThat(client.submitFixture("valid_empty_mbids_dropped.json").status()).isEqualTo(200);

        JsonNode info = client.listens("").json().path("payload").path("listens").get(0)
                .path("track_metadata").path("additional_info");
        assertThat(info.has("recording_mbid")).isFalse();
        assertThat(info.has("release_mbid")).isFalse();
        assertThat(info.has("work_mbids")).isFalse();
        assertThat(info.path("artist_mbids")).hasSize(1);
    }

    @Test
    void oneInvalidListenRejectsTheWholeImport() {
        String body = "{\"listen_type\": \"import\", \"payload\": ["
                + ListenBrainzClient.listen(1714564800, "Portishead", "Roads") + ", "
                + ListenBrainzClient.listen(1000, "Portishead", "Sour Times") + "]}";

        assertThat(client.submit(body).status()).isEqualTo(400);
        assertThat(storedCount()).isZero();
    }

    private long storedCount() {
        return client.listens("?count=1000").json().path("payload").path("listens").size();
    }
}
