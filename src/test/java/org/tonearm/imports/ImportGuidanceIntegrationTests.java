package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.awaitFinished;
import static org.tonearm.imports.Uploads.upload;
import static org.tonearm.imports.Uploads.utf8;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Import and export mistakes answered with what to do: an upload without its multipart part names the part, a
 * failed row names the field as the file spells it, and exports take the import format ids.
 */
class ImportGuidanceIntegrationTests extends IntegrationTestBase {

    @Test
    void anUploadWithoutAMultipartBodyIs400NamingThePartFile() {
        Api.User user = api().newUser();

        Api.Response json = user.api().post("/api/v1/imports", Map.of("file", "history.json"));
        Api.Response empty = user.api().send("POST", "/api/v1/imports", null, null);

        for (Api.Response r : new Api.Response[] {json, empty}) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
            assertThat(r.json().path("detail").asString()).contains("multipart/form-data").contains("'file'");
        }
        assertThat(user.api().get("/api/v1/imports").json().path("imports")).isEmpty();
    }

    @Test
    void aFailedRowNamesTheFieldAsTheFileSpellsIt() {
        Api.User user = api().newUser();
        byte[] history = utf8("""
                [{"endTime": "2024-05-01 12:00", "artistName": "Radiohead", "trackName": "Reckoner", "msPlayed": 290000},
                 {"endTime": "2024-05-01 12:10", "artistName": "Radiohead", "msPlayed": 1000},
                 {"endTime": "2024-05-01 12:20", "trackName": "Nude", "msPlayed": 1000}]""");

        JsonNode job = awaitFinished(user.api(), upload(port, user.accessToken(), "StreamingHistory_music_0.json",
                history, null).json().path("id").asLong());

        assertThat(job.path("imported").asLong()).isEqualTo(1);
        JsonNode errors = user.api().get("/api/v1/imports/" + job.path("id").asLong() + "/errors").json();
        assertThat(errors.toString()).contains("trackName is missing").contains("artistName is missing")
                .doesNotContain("track is missing");
    }

    @Test
    void exportsTakeTheImportFormatIdsAndTheOldCsvNameStillWorks() {
        Api.User user = api().newUser();

        Api.Response csv = user.api().get("/api/v1/exports/listens?format=tonearm_csv");
        Api.Response oldName = user.api().get("/api/v1/exports/listens?format=csv");
        Api.Response listenBrainz = user.api().get("/api/v1/exports/listens?format=listenbrainz");
        Api.Response unknown = user.api().get("/api/v1/exports/listens?format=xml");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("listened_at,artist,");
        assertThat(oldName.body()).isEqualTo(csv.body());
        assertThat(listenBrainz.status()).isEqualTo(200);
        assertThat(listenBrainz.header("Content-Type")).isEqualTo("application/zip");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("format");
        assertThat(unknown.json().path("detail").asString()).contains("listenbrainz").contains("tonearm_csv");
    }
}
