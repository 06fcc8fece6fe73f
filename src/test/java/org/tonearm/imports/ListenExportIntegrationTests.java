package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.awaitFinished;
import static org.tonearm.imports.Uploads.upload;
import static org.tonearm.imports.Uploads.utf8;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** Exports read back by the importer give the same listens (docs/api.md#imports-and-exports: "for moving to another instance"). */
class ListenExportIntegrationTests extends IntegrationTestBase {

    private static final long JAN_2024 = 1_704_067_200L;

    @Test
    void aCsvExportImportedIntoAnotherAccountGivesTheSameListensFieldByField() throws Exception {
        Api.User source = userWithHistory();
        byte[] csv = download(source, "/api/v1/exports/listens?format=csv");
        assertThat(new String(csv, 0, 20, java.nio.charset.StandardCharsets.UTF_8)).startsWith("listened_at,artist,");

        Api.User target = api().newUser();
        JsonNode job = awaitFinished(target.api(), upload(port, target.accessToken(), "tonearm-listens.csv", csv, null)
                .json().path("id").asLong());

        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("format").asString()).isEqualTo("tonearm_csv");
        assertThat(visible(target)).isEqualTo(visible(source)).hasSize(25);
    }

    @Test
    void aListenBrainzExportIsAZipTheImporterReadsBack() throws Exception {
        Api.User source = userWithHistory();
        byte[] zip = download(source, "/api/v1/exports/listens?format=listenbrainz");
        assertThat(zip[0]).isEqualTo((byte) 'P');

        Api.User target = api().newUser();
        JsonNode job = awaitFinished(target.api(), upload(port, target.accessToken(), "listens.zip", zip, null)
                .json().path("id").asLong());

        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isEqualTo(25);
        assertThat(times(target)).isEqualTo(times(source));
    }

    @Test
    void theTimeRangeLimitsTheExport() throws Exception {
        Api.User source = userWithHistory();
        String from = java.time.Instant.ofEpochSecond(JAN_2024 + 10 * 240).toString();

        String csv = new String(download(source, "/api/v1/exports/listens?format=csv&from=" + from + "&to="
                + (JAN_2024 + 12 * 240)), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv.lines()).hasSize(3); // header + the listens at 10 and 11 (to is exclusive)
        assertThat(source.api().get("/api/v1/exports/listens?format=xml").status()).isEqualTo(400);
    }

    private Api.User userWithHistory() {
        Api.User user = api().newUser();
        String file = Uploads.lines(24, JAN_2024) + "Simon, Garfunkel|\"Quoted\" Song|" + (JAN_2024 + 500_000) + "|1000\n";
        awaitFinished(user.api(), upload(port, user.accessToken(), "h.testlines", utf8(file), null).json().path("id").asLong());
        return user;
    }

    private byte[] download(Api.User user, String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + user.accessToken())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** What the user sees of each listen, minus ids. */
    private static List<String> visible(Api.User user) {
        List<String> rows = new ArrayList<>();
        for (JsonNode l : user.api().get("/api/v1/listens?limit=100").json().path("listens")) {
            rows.add(String.join("|", l.path("listened_at").asString(), l.path("track").path("title").asString(),
                    l.path("track").path("artists").get(0).path("name").asString(), l.path("album").path("title").asString(""),
                    l.path("duration_played_ms").asString(""), l.path("classification").asString(),
                    l.path("service").asString(), l.path("client").asString("")));
        }
        return rows;
    }

    private static List<String> times(Api.User user) {
        List<String> rows = new ArrayList<>();
        for (JsonNode l : user.api().get("/api/v1/listens?limit=100").json().path("listens")) {
            rows.add(l.path("listened_at").asString() + "|" + l.path("track").path("title").asString());
        }
        return rows;
    }
}
