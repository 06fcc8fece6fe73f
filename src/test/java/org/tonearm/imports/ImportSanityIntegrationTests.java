package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.awaitFinished;
import static org.tonearm.imports.Uploads.upload;
import static org.tonearm.imports.Uploads.utf8;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** Rows the funnel's sanity gate refuses are row errors of the job's report, never a failed job (issue #10). */
class ImportSanityIntegrationTests extends IntegrationTestBase {

    @Test
    void rowsThatCannotBeRealPlaysAreReportedAndTheRestIsImported() {
        Api.User user = api().newUser();
        String file = """
                {"listens": [
                  {"artist": "Sane", "track": "First day of the import", "listened_at": "2002-10-01T00:00:00Z"},
                  {"artist": "Insane", "track": "A millisecond early", "listened_at": "2002-09-30T23:59:59.999Z"},
                  {"artist": "Insane", "track": "Nul extra", "listened_at": "2024-01-01T00:00:00Z",
                   "extra": {"note": "a\\u0000b"}},
                  {"artist": "Skipped", "track": "Never played", "listened_at": "2024-01-01T00:10:00Z",
                   "duration_played_ms": 0}
                ]}""";

        Api.Response r = upload(port, user.accessToken(), "history.json", utf8(file), "tonearm_json");

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        long id = r.json().path("id").asLong();
        JsonNode job = awaitFinished(user.api(), id);
        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isEqualTo(1);
        assertThat(job.path("failed").asLong()).isEqualTo(2);
        assertThat(job.path("skipped").asLong()).isEqualTo(1);
        List<String> reasons = user.api().get("/api/v1/imports/" + id + "/errors").json().path("errors").values()
                .stream().map(e -> e.path("reason").asString()).toList();
        assertThat(reasons).containsExactly("not a real play: listened_at must not be before 2002-10-01T00:00:00Z",
                "not a real play: extra must not contain NUL characters");
        List<JsonNode> stored = user.api().get("/api/v1/listens").json().path("listens").values().stream().toList();
        assertThat(stored).extracting(l -> l.path("track").path("title").asString()).containsExactly("First day of the import");
    }
}
