package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

class ListenBrainzExportFormatTests {

    private static final String JSONL = "listenbrainz/listens/2023/1.jsonl";
    private static final String ARRAY = "listenbrainz/listens.json";
    private final ListenBrainzExportFormat format = new ListenBrainzExportFormat();

    @Test
    void importsEachJsonLineAndFailsBrokenOnesWithTheFieldNamed() throws Exception {
        CollectingSink sink = Fixtures.parse(format, JSONL);

        assertThat(sink.counts()).isEqualTo("4/0/4");
        assertThat(sink.failureReasons()).satisfiesExactly(
                r -> assertThat(r).startsWith("not valid JSON"),
                r -> assertThat(r).isEqualTo("track_metadata.track_name is missing"),
                r -> assertThat(r).startsWith("listened_at is not an ISO-8601 timestamp"),
                r -> assertThat(r).isEqualTo("track_metadata.artist_name is longer than 512 characters"));
        assertThat(sink.failures.getFirst().rowNumber()).isEqualTo(3);
        assertThat(sink.failures.getFirst().rawRow()).isEqualTo("{\"listened_at\": 167");
    }

    @Test
    void artistNamesStartingWithTheArtistAreTheCreditsArtistList() throws Exception {
        String lines = "{\"listened_at\": 1675172712, \"track_metadata\": {\"artist_name\": \"Major Lazer\","
                + " \"track_name\": \"Lean On\", \"additional_info\": {\"artist_names\": [\"Major Lazer\", \"MØ\"]}}}\n"
                + "{\"listened_at\": 1675172912, \"track_metadata\": {\"artist_name\": \"Major Lazer & DJ Snake\","
                + " \"track_name\": \"Lean On\", \"additional_info\": {\"artist_names\": [\"Major Lazer\", \"DJ Snake\"]}}}\n";

        var listens = Fixtures.parseBytes(format, "listens.jsonl", lines.getBytes(StandardCharsets.UTF_8)).listens;

        assertThat(listens.get(0).credit().artists()).containsExactly("Major Lazer", "MØ");
        assertThat(listens.get(1).credit().artists()).as("another primary would be another track: ignored").isEmpty();
        assertThat(listens.get(1).credit().artist()).isEqualTo("Major Lazer & DJ Snake");
    }

    @Test
    void mapsTheListenWithItsIdentifiersServiceAndAdditionalInfo() throws Exception {
        IncomingListen digitalLove = Fixtures.parse(format, JSONL).listens.getFirst();

        assertThat(digitalLove.stamp()).isEqualTo(TimeStamp.START);
        assertThat(digitalLove.listenedAtMs()).isEqualTo(1_675_172_712_000L);
        assertThat(digitalLove.durationPlayedMs()).isNull();
        assertThat(digitalLove.credit().lengthMs()).isEqualTo(301_000L);
        assertThat(digitalLove.credit().album()).isEqualTo("Discovery");
        assertThat(digitalLove.service()).isEqualTo(Service.SPOTIFY);
        assertThat(digitalLove.credit().ids().spotifyId()).isEqualTo("2VEZx7NWsZ1D0eJ4uv5Fym");
        assertThat(digitalLove.credit().ids().recordingMbid()).isEqualTo("a0bd8c42-4a5c-4b59-8e4a-2a2f1c2d7c11");
        assertThat(digitalLove.credit().ids().artistMbids()).containsExactly("056e4f3e-d505-4dad-8ec1-d04f521cbb56");
        assertThat(digitalLove.externalId()).isEqualTo("1675172712|0b2a4bd6-1c7b-4a0e-9a2f-2d6d3c1c6f01");
        assertThat(digitalLove.extra()).containsEntry("submission_client", "Pano Scrobbler")
                .containsKey("tags").doesNotContainKey("origin_url");
        assertThat(digitalLove.origin()).isEqualTo("listenbrainz");
    }

    @Test
    void readsLengthInSecondsAppleServiceAndCjkNamesOnCrlfLines() throws Exception {
        IncomingListen firstLove = Fixtures.parse(format, JSONL).listens.get(1);

        assertThat(firstLove.credit().artist()).isEqualTo("宇多田ヒカル");
        assertThat(firstLove.credit().album()).isNull();
        assertThat(firstLove.credit().lengthMs()).isEqualTo(259_000L);
        assertThat(firstLove.service()).isEqualTo(Service.APPLE_MUSIC);
    }

    @Test
    void keysListensWithoutMsidByTimeArtistAndTrack() throws Exception {
        CollectingSink sink = Fixtures.parse(format, JSONL);

        assertThat(sink.listens.get(2).externalId()).isEqualTo(sink.listens.getFirst().externalId());
        assertThat(sink.listens.get(3).externalId()).isEqualTo("1675200000|Björk|Jóga, \"live\"");
        assertThat(sink.listens.get(3).service()).isEqualTo(Service.OTHER);
    }

    @Test
    void readsAJsonArrayOfListens() throws Exception {
        CollectingSink sink = Fixtures.parse(format, ARRAY);

        assertThat(sink.counts()).isEqualTo("2/0/1");
        assertThat(sink.failureReasons()).containsExactly("track_metadata is missing");
        assertThat(sink.rowNumbers).containsExactly(1L, 2L, 3L);
    }

    @Test
    void readsAnApiPageOfListens() throws Exception {
        byte[] page = """
                {"payload":{"count":1,"listens":[{"listened_at":1675172712,"track_metadata":{"artist_name":"A","track_name":"B"}}]}}
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(Fixtures.parseBytes(format, "page.json", page).counts()).isEqualTo("1/0/0");
    }

    @Test
    void detectsExportEntriesAndListenContent() {
        assertThat(Fixtures.detects(format, "listens/2023/1.jsonl", JSONL)).isTrue();
        assertThat(Fixtures.detects(format, "export.jsonl", JSONL)).isTrue();
        assertThat(Fixtures.detects(format, "upload.json", ARRAY)).isTrue();
        assertThat(Fixtures.detects(format, "Streaming_History_Audio_2023_1.json",
                "spotify_extended/Streaming_History_Audio_2023_1.json")).isFalse();
    }
}
