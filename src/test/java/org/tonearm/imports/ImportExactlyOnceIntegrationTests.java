package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.awaitFinished;
import static org.tonearm.imports.Uploads.upload;
import static org.tonearm.imports.Uploads.utf8;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** docs/api.md#listens, #imports-and-exports exactly-once across real export formats, and §4 "stats include imported listens the moment the job finishes". */
class ImportExactlyOnceIntegrationTests extends IntegrationTestBase {

    private static final int PLAYS = 40;
    private static final long START = Instant.parse("2024-03-01T08:00:00Z").toEpochMilli();
    private static final long LENGTH_MS = 200_000;

    @Test
    void importedListensAreListedTheMomentTheJobCompletes() {
        Api.User user = api().newUser();

        JsonNode job = awaitFinished(user.api(), upload(port, user.accessToken(), "Streaming_History_Audio_2024_0.json",
                utf8(spotifyExtended()), null).json().path("id").asLong());

        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("format").asString()).isEqualTo("spotify_extended");
        JsonNode listens = user.api().get("/api/v1/listens?limit=100").json().path("listens");
        assertThat(listens).hasSize(PLAYS);
        assertThat(listens.get(0).path("channel").asString()).isEqualTo("import");
        assertThat(listens.get(0).path("track").path("title").asString()).isEqualTo("Song " + (PLAYS - 1));
    }

    @Test
    void reimportingASpotifyHistoryAddsNothing() {
        Api.User user = api().newUser();
        byte[] history = utf8(spotifyExtended());
        awaitFinished(user.api(), upload(port, user.accessToken(), "Streaming_History_Audio_2024_0.json", history, null)
                .json().path("id").asLong());

        JsonNode again = awaitFinished(user.api(), upload(port, user.accessToken(), "Streaming_History_Audio_2024_0.json",
                history, null).json().path("id").asLong());

        assertThat(again.path("imported").asLong()).isZero();
        assertThat(again.path("duplicates").asLong()).isEqualTo(PLAYS);
        assertThat(user.api().get("/api/v1/listens?limit=100").json().path("listens")).hasSize(PLAYS);
    }

    @Test
    void aSpotifyHistoryAndAListenBrainzExportOfTheSamePlaysLeaveOneListenPerPlay() {
        Api.User user = api().newUser();
        awaitFinished(user.api(), upload(port, user.accessToken(), "my_spotify_data.zip",
                Uploads.zip(Map.of("Spotify Extended Streaming History/Streaming_History_Audio_2024_0.json",
                        utf8(spotifyExtended()))), null).json().path("id").asLong());

        JsonNode lb = awaitFinished(user.api(), upload(port, user.accessToken(), "listenbrainz_export.zip",
                Uploads.zip(Map.of("listens/2024/3.jsonl", utf8(listenBrainzJsonl()))), null).json().path("id").asLong());

        assertThat(lb.path("status").asString()).isEqualTo("completed");
        assertThat(lb.path("imported").asLong()).isZero();
        assertThat(lb.path("merged").asLong()).isEqualTo(PLAYS);
        assertThat(lb.path("duplicates").asLong()).isEqualTo(PLAYS);
        JsonNode listens = user.api().get("/api/v1/listens?limit=100").json().path("listens");
        assertThat(listens).hasSize(PLAYS);
        // the listen keeps its true start whichever end of the play a source stamped
        assertThat(listens.get(PLAYS - 1).path("listened_at").asString()).isEqualTo("2024-03-01T08:00:00.000Z");
    }

    /** Spotify stamps the END of each play ({@code ts}, whole seconds). */
    private static String spotifyExtended() {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < PLAYS; i++) {
            long end = START + i * 600_000L + LENGTH_MS;
            sb.append(i == 0 ? "" : ",\n").append("{\"ts\":\"").append(Instant.ofEpochMilli(end))
                    .append("\",\"platform\":\"android\",\"ms_played\":").append(LENGTH_MS)
                    .append(",\"master_metadata_track_name\":\"Song ").append(i)
                    .append("\",\"master_metadata_album_artist_name\":\"Band ").append(i % 5)
                    .append("\",\"master_metadata_album_album_name\":\"Album ").append(i % 3)
                    .append("\",\"spotify_track_uri\":\"spotify:track:").append(trackId(i))
                    .append("\",\"episode_name\":null,\"episode_show_name\":null,\"spotify_episode_uri\":null,")
                    .append("\"reason_start\":\"trackdone\",\"reason_end\":\"trackdone\",\"shuffle\":false,")
                    .append("\"skipped\":false,\"offline\":false,\"incognito_mode\":false}");
        }
        return sb.append("\n]\n").toString();
    }

    /** ListenBrainz stamps the START ({@code listened_at}, epoch seconds). */
    private static String listenBrainzJsonl() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < PLAYS; i++) {
            long start = (START + i * 600_000L) / 1000;
            sb.append("{\"listened_at\":").append(start).append(",\"track_metadata\":{\"artist_name\":\"Band ")
                    .append(i % 5).append("\",\"track_name\":\"Song ").append(i).append("\",\"release_name\":\"Album ")
                    .append(i % 3).append("\",\"additional_info\":{\"duration_ms\":").append(LENGTH_MS)
                    .append(",\"music_service\":\"spotify.com\",\"recording_msid\":\"msid-").append(i)
                    .append("\"}},\"recording_msid\":\"msid-").append(i).append("\"}\n");
        }
        return sb.toString();
    }

    private static String trackId(int i) {
        return String.format("%022d", i).replace('0', 'A');
    }
}
