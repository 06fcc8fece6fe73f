package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.awaitFinished;
import static org.tonearm.imports.Uploads.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17 item 1 through {@code POST /api/v1/imports}: a Last.fm CSV is read by its header whatever the exporter
 * (docs/formats.md, "Last.fm CSV layouts"); a header that names no artist, track and time is a failed job whose
 * report lists the columns found and the ones each format needs.
 */
class LastFmCsvHeaderIntegrationTests extends IntegrationTestBase {

    @Test
    void reorderedColumnsAreImportedWithTheirStartTimesAndAlbums() {
        Api.User user = api().newUser();

        Api.Response r = upload(port, user.accessToken(), "upload.csv",
                fixture("lastfm/lastfm_csv_columns_reordered.csv"), null);

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().path("format").asString()).isEqualTo("lastfm_csv");
        JsonNode job = awaitFinished(user.api(), r.json().path("id").asLong());
        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isEqualTo(2);
        JsonNode listens = user.api().get("/api/v1/listens?limit=100").json().path("listens");
        assertThat(listens).extracting(l -> l.path("listened_at").asString() + " " + l.path("track").path("title")
                .asString() + " / " + l.path("album").path("title").asString())
                .containsExactly("2021-01-31T13:45:00.000Z Airbag / OK Computer",
                        "2020-09-21T21:00:00.000Z September / The Best Of");
    }

    @Test
    void utsWinsOverUtcTimeInTheStoredListen() {
        Api.User user = api().newUser();
        long id = upload(port, user.accessToken(), "scrobbles.csv", fixture("lastfm/lastfm_csv_uts_and_utc_time.csv"),
                null).json().path("id").asLong();
        awaitFinished(user.api(), id);

        JsonNode listens = user.api().get("/api/v1/listens?limit=100").json().path("listens");
        assertThat(listens).extracting(l -> l.path("listened_at").asString())
                .containsExactly("2021-01-31T14:05:00.000Z", "2021-01-31T13:45:12.000Z");
    }

    @Test
    void anUnrecognisedHeaderIsAFailedJobListingTheColumnsFoundAndNeeded() {
        Api.User user = api().newUser();

        Api.Response r = upload(port, user.accessToken(), "plays.csv",
                Uploads.utf8("performer,song_title,played_at\nRadiohead,Airbag,1612100700\n"), null);

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode job = awaitFinished(user.api(), r.json().path("id").asLong());
        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("imported").asLong()).isZero();
        assertThat(job.path("error").asString()).contains("no import format recognises plays.csv", "3 columns",
                "(performer,song_title,played_at)",
                "lastfm_csv: a header with columns artist (artist|artist_name), track (track|track_name|name) and a"
                        + " time epoch (uts|timestamp), date (utc_time|date|time)");
        assertThat(user.api().get("/api/v1/listens").json().path("listens")).isEmpty();
    }

    private static byte[] fixture(String path) {
        try (InputStream in = LastFmCsvHeaderIntegrationTests.class.getResourceAsStream("/fixtures/imports/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
