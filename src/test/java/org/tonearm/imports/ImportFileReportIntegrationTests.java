package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.awaitFinished;
import static org.tonearm.imports.Uploads.upload;
import static org.tonearm.imports.Uploads.utf8;
import static org.tonearm.imports.Uploads.zip;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17 item 4: {@code GET /api/v1/imports/{id}} lists each file of a zip with the format it was read as, or
 * why it was skipped, and its own counts (docs/api.md#imports-and-exports).
 */
class ImportFileReportIntegrationTests extends IntegrationTestBase {

    private static String play(String ts, String artist, String track, String uri) {
        return "{\"ts\":\"" + ts + "\",\"platform\":\"android\",\"ms_played\":200000,"
                + "\"master_metadata_track_name\":\"" + track + "\",\"master_metadata_album_artist_name\":\"" + artist
                + "\",\"master_metadata_album_album_name\":\"Album\",\"spotify_track_uri\":\"" + uri + "\","
                + "\"episode_name\":null,\"spotify_episode_uri\":null,\"reason_start\":\"trackdone\","
                + "\"reason_end\":\"trackdone\",\"shuffle\":false,\"skipped\":false,\"incognito_mode\":false}";
    }

    private static final String PODCAST = "{\"ts\":\"2022-05-01T10:00:00Z\",\"ms_played\":1800000,"
            + "\"master_metadata_track_name\":null,\"master_metadata_album_artist_name\":null,"
            + "\"spotify_track_uri\":null,\"episode_name\":\"Episode 1\",\"episode_show_name\":\"A Show\","
            + "\"spotify_episode_uri\":\"spotify:episode:0A1b2C3d4E5f6G7h8I9j0K\",\"incognito_mode\":false}";

    @Test
    void aZipsReportListsEachFileWithItsFormatOrWhyItWasSkippedAndItsCounts() {
        Api.User user = api().newUser();
        String shared = play("2022-12-31T23:50:00Z", "Radiohead", "Airbag", "spotify:track:6Q0Nn1CBrnRqHS9z2qx0sR");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Spotify Extended Streaming History/Streaming_History_Audio_2022.json", utf8("["
                + play("2022-05-01T09:00:00Z", "Radiohead", "Let Down", "spotify:track:2fuYa3Lx06QQJAm0MjztKr") + ","
                + PODCAST + ","
                + play("not a time", "Radiohead", "Lucky", "spotify:track:4Q3N7OPtJLrYAmnRZMxBlf") + ","
                + shared + "]"));
        // the next year's file starts with the play the previous one ended with (Spotify's files overlap)
        files.put("Spotify Extended Streaming History/Streaming_History_Audio_2023.json", utf8("[" + shared + ","
                + play("2023-01-02T08:00:00Z", "Björk", "Jóga", "spotify:track:1kGmSdPvz4FHJUaaGbOHwB") + "]"));
        files.put("Spotify Extended Streaming History/README.txt",
                utf8("Your Spotify data, as you asked for it. Read the files with any text editor."));
        files.put("notes.xyz", utf8("something else entirely"));

        Api.Response accepted = upload(port, user.accessToken(), "my_spotify_data.zip", zip(files), null);
        JsonNode job = awaitFinished(user.api(), accepted.json().path("id").asLong());

        assertThat(job.path("status").asString()).isEqualTo("completed");
        JsonNode entries = job.path("entries");
        assertThat(entries).hasSize(4);
        JsonNode y2022 = entries.get(0);
        assertThat(y2022.path("name").asString()).endsWith("Streaming_History_Audio_2022.json");
        assertThat(y2022.path("status").asString()).isEqualTo("read");
        assertThat(y2022.path("format").asString()).isEqualTo("spotify_extended");
        assertThat(counts(y2022)).containsExactly(4L, 2L, 0L, 1L, 1L);
        JsonNode y2023 = entries.get(1);
        assertThat(y2023.path("format").asString()).isEqualTo("spotify_extended");
        // the overlapping play is counted where it was found again: a duplicate of the one already imported
        assertThat(counts(y2023)).containsExactly(2L, 1L, 1L, 0L, 0L);
        for (JsonNode skipped : new JsonNode[] {entries.get(2), entries.get(3)}) {
            assertThat(skipped.path("status").asString()).isEqualTo("skipped");
            assertThat(skipped.path("format").isNull()).isTrue();
            assertThat(skipped.path("reason").asString()).contains("no known import format");
            assertThat(skipped.path("imported").asLong()).isZero();
        }
        assertThat(entries.get(2).path("name").asString()).endsWith("README.txt");
        assertThat(entries.get(3).path("name").asString()).isEqualTo("notes.xyz");
        // the job's counters are the sums of its files'
        assertThat(job.path("imported").asLong()).isEqualTo(3);
        assertThat(job.path("duplicates").asLong()).isEqualTo(1);
        assertThat(job.path("skipped").asLong()).isEqualTo(1);
        assertThat(job.path("failed").asLong()).isEqualTo(1);
        assertThat(job.path("skipped_files").asInt()).isEqualTo(2);

        // the list of jobs stays short: the report per file is in the answer about one job
        assertThat(user.api().get("/api/v1/imports").json().path("imports").get(0).has("entries")).isFalse();
        JsonNode schemas = api().get("/api/v1/openapi.json").json().path("components").path("schemas");
        assertThat(schemas.path("ImportJobView").path("properties").has("entries")).isTrue();
        assertThat(schemas.path("ImportEntryView").path("properties").has("rows")).isTrue();
    }

    /** rows, imported, duplicates, skipped, failed. */
    private static long[] counts(JsonNode entry) {
        return new long[] {entry.path("rows").asLong(), entry.path("imported").asLong(),
                entry.path("duplicates").asLong(), entry.path("skipped").asLong(), entry.path("failed").asLong()};
    }
}
