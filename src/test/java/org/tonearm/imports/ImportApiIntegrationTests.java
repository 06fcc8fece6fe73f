package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.awaitFinished;
import static org.tonearm.imports.Uploads.lines;
import static org.tonearm.imports.Uploads.upload;
import static org.tonearm.imports.Uploads.utf8;

import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

class ImportApiIntegrationTests extends IntegrationTestBase {

    private static final long JAN_2024 = 1_704_067_200L;

    @Test
    void uploadWithoutAFileIs400() {
        Api.User user = api().newUser();

        Api.Response r = upload(port, user.accessToken(), null, null, TestLinesFormat.ID);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
    }

    @Test
    void anUnknownFormatParameterIs400() {
        Api.User user = api().newUser();

        Api.Response r = upload(port, user.accessToken(), "a.testlines", utf8(lines(1, JAN_2024)), "floppy_disk");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("format");
        assertThat(r.json().path("detail").asString()).contains(TestLinesFormat.ID);
    }

    @Test
    void aSingleFileOfNoKnownFormatIs400AtUpload() {
        Api.User user = api().newUser();

        Api.Response r = upload(port, user.accessToken(), "notes.docx", utf8("just some text"), null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("no known import format");
        assertThat(user.api().get("/api/v1/imports").json().path("imports")).isEmpty();
    }

    @Test
    void aForcedFormatReadsAFileDetectionWouldNotRecognize() {
        Api.User user = api().newUser();

        Api.Response r = upload(port, user.accessToken(), "history.txt", utf8(lines(2, JAN_2024)), TestLinesFormat.ID);

        assertThat(r.status()).isEqualTo(202);
        JsonNode job = awaitFinished(user.api(), r.json().path("id").asLong());
        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isEqualTo(2);
    }

    @Test
    void uploadNeedsAuthentication() {
        Api.Response r = api().get("/api/v1/imports");

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void listsTheCallersJobsNewestFirst() {
        Api.User user = api().newUser();
        long first = upload(port, user.accessToken(), "1.testlines", utf8(lines(1, JAN_2024)), null).json().path("id").asLong();
        long second = upload(port, user.accessToken(), "2.testlines", utf8(lines(1, JAN_2024)), null).json().path("id").asLong();
        api().newUser(); // someone else's jobs are not listed

        JsonNode list = user.api().get("/api/v1/imports").json().path("imports");

        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("id").asLong()).isEqualTo(second);
        assertThat(list.get(1).path("id").asLong()).isEqualTo(first);
    }

    @Test
    void anotherUsersJobIsNotFound() {
        Api.User owner = api().newUser();
        Api.User other = api().newUser();
        long id = upload(port, owner.accessToken(), "o.testlines", utf8(lines(2, JAN_2024)), null).json().path("id").asLong();

        assertThat(other.api().get("/api/v1/imports/" + id).status()).isEqualTo(404);
        assertThat(other.api().get("/api/v1/imports/" + id + "/errors").status()).isEqualTo(404);
        assertThat(other.api().delete("/api/v1/imports/" + id).status()).isEqualTo(404);
        assertThat(other.api().get("/api/v1/imports").json().path("imports")).isEmpty();
        assertThat(owner.api().get("/api/v1/imports/" + id).status()).isEqualTo(200);
    }

    @Test
    void cancellingARunningJobStopsItAtTheNextBatch() {
        Api.User user = api().newUser();
        StringBuilder file = new StringBuilder(lines(1_000, JAN_2024));
        for (int i = 0; i < 1_500; i++) {
            file.append("#sleep 3\n").append("Late|Song ").append(i).append('|').append(JAN_2024 + 1_000_000 + i * 240L)
                    .append("|200000\n");
        }
        long id = upload(port, user.accessToken(), "slow.testlines", utf8(file.toString()), null).json().path("id").asLong();
        // the first 1,000 rows are read (a reading batch committed its checkpoint); the listens wait for the sort
        // (docs/formats.md#row-order), so a job cancelled while reading imports nothing
        awaitReadingCheckpoint(id, 1_000);

        JsonNode cancelled = user.api().delete("/api/v1/imports/" + id).json();
        Uploads.awaitNoJobThreads(id); // both the reading and the committing thread stop

        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
        JsonNode job = user.api().get("/api/v1/imports/" + id).json();
        assertThat(job.path("status").asString()).isEqualTo("cancelled");
        assertThat(job.path("imported").asLong()).isZero();
        assertThat(database.dsl().fetchCount(org.tonearm.schema.Tables.LISTENS,
                org.tonearm.schema.Tables.LISTENS.USER_ID.eq(user.id()))).isZero();
        // stopped at its next reading batch (row 3,000), before the file (4,000 lines) was read to its end
        assertThat(database.dsl().select(org.tonearm.schema.Tables.IMPORT_JOBS.CHECKPOINT_ENTRY)
                .from(org.tonearm.schema.Tables.IMPORT_JOBS).where(org.tonearm.schema.Tables.IMPORT_JOBS.ID.eq(id))
                .fetchOne().value1()).isZero();
    }

    @Test
    void cancellingAFinishedJobLeavesItAsItWas() {
        Api.User user = api().newUser();
        long id = upload(port, user.accessToken(), "f.testlines", utf8(lines(2, JAN_2024)), null).json().path("id").asLong();
        awaitFinished(user.api(), id);

        JsonNode after = user.api().delete("/api/v1/imports/" + id).json();

        assertThat(after.path("status").asString()).isEqualTo("completed");
    }

    private void awaitReadingCheckpoint(long id, long row) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (database.dsl().select(org.tonearm.schema.Tables.IMPORT_JOBS.CHECKPOINT_ROW)
                .from(org.tonearm.schema.Tables.IMPORT_JOBS).where(org.tonearm.schema.Tables.IMPORT_JOBS.ID.eq(id))
                .fetchOne().value1() < row) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Uploads.sleep(50);
        }
    }
}
