package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.awaitFinished;
import static org.tonearm.imports.Uploads.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Issue #10 item 4: Libre.fm, Pano Scrobbler and Spinitron files go through {@code POST /api/v1/imports} to a
 * finished job, detected from their content; a CSV nobody recognises is a failed job with a report in the import
 * history, not a bare 400 at upload.
 */
class CommunityImportFormatsIntegrationTests extends IntegrationTestBase {

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "librefm/librefm_csv_with_album.tsv, librefm_csv, 3, 0, 2",
            "librefm/librefm_csv_without_album.tsv, librefm_csv, 2, 0, 1",
            "librefm/librefm_csv_with_comment_lines.tsv, librefm_csv, 2, 0, 0",
            "librefm/librefm_csv_reexported_by_maloja.csv, librefm_csv, 3, 0, 0",
            "pano_scrobbler/pano_scrobbler_jsonl_scrobbles_and_loves.jsonl, pano_scrobbler, 2, 2, 2",
            "spinitron/spinitron_csv_playlist_with_heading_rows.csv, spinitron_csv, 4, 0, 2",
            "spinitron/spinitron_csv_search_export_with_date_column.csv, spinitron_csv, 2, 0, 0",
    })
    void eachVariantIsDetectedAndImportedToCompletion(String fixture, String format, long imported, long skipped,
            long failed) {
        Api.User user = api().newUser();
        String name = "upload" + fixture.substring(fixture.lastIndexOf('.'));

        Api.Response r = upload(port, user.accessToken(), name, fixture(fixture), null);

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().path("format").asString()).isEqualTo(format);
        JsonNode job = awaitFinished(user.api(), r.json().path("id").asLong());
        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isEqualTo(imported);
        assertThat(job.path("skipped").asLong()).isEqualTo(skipped);
        assertThat(job.path("failed").asLong()).isEqualTo(failed);
        JsonNode listens = user.api().get("/api/v1/listens?limit=100").json().path("listens");
        assertThat(listens).hasSize((int) imported);
        assertThat(listens).allSatisfy(l -> assertThat(l.path("channel").asString()).isEqualTo("import"));
    }

    @Test
    void aLibreFmExportLandsWithItsStartTimesAndAlbums() {
        Api.User user = api().newUser();
        long id = upload(port, user.accessToken(), "exported_tracks.txt", fixture("librefm/librefm_csv_with_album.tsv"),
                null).json().path("id").asLong();
        awaitFinished(user.api(), id);

        JsonNode oldest = user.api().get("/api/v1/listens?limit=100").json().path("listens").get(2);
        assertThat(oldest.path("listened_at").asString()).isEqualTo("2021-01-31T13:45:00.000Z");
        assertThat(oldest.path("track").path("title").asString()).isEqualTo("Airbag");
        assertThat(oldest.path("album").path("title").asString()).isEqualTo("OK Computer");
    }

    @Test
    void aCsvWithoutHeaderThatNoFormatRecognisesIsAFailedJobWithAReport() {
        Api.User user = api().newUser();

        Api.Response r = upload(port, user.accessToken(), "mystery.csv", fixture("unknown_csv_without_header.csv"), null);

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        long id = r.json().path("id").asLong();
        JsonNode job = awaitFinished(user.api(), id);
        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("imported").asLong()).isZero();
        String error = job.path("error").asString();
        assertThat(error).contains("no import format recognises mystery.csv", "';'-separated", "3 columns",
                "Radiohead;Airbag;yesterday", "librefm_csv", "spinitron_csv",
                "lastfm_csv: a header with columns artist (artist|artist_name)");
        JsonNode history = user.api().get("/api/v1/imports").json().path("imports");
        assertThat(history).extracting(j -> j.path("id").asLong()).contains(id);
        JsonNode errors = user.api().get("/api/v1/imports/" + id + "/errors").json().path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("row_number").asLong()).isZero();
        assertThat(errors.get(0).path("entry").asString()).isEqualTo("mystery.csv");
        assertThat(errors.get(0).path("reason").asString()).isEqualTo(error);
        assertThat(user.api().get("/api/v1/listens").json().path("listens")).isEmpty();
    }

    @Test
    void aFileThatIsNotEvenDelimitedTextIsStillRefusedAtUpload() {
        Api.User user = api().newUser();

        Api.Response r = upload(port, user.accessToken(), "notes.txt", Uploads.utf8("just some words"), null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(user.api().get("/api/v1/imports").json().path("imports")).isEqualTo(Api.JSON.createArrayNode());
    }

    private static byte[] fixture(String path) {
        try (InputStream in = CommunityImportFormatsIntegrationTests.class.getResourceAsStream("/fixtures/imports/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
