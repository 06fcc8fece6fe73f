package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.awaitFinished;
import static org.tonearm.imports.Uploads.lines;
import static org.tonearm.imports.Uploads.upload;
import static org.tonearm.imports.Uploads.utf8;
import static org.tonearm.schema.Tables.IMPORT_JOBS;
import static org.tonearm.schema.Tables.LISTENS;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

class ImportJobsIntegrationTests extends IntegrationTestBase {

    private static final long JAN_2024 = 1_704_067_200L;

    @Test
    void importsAFileInTheBackgroundAndReportsEveryRow() {
        Api.User user = api().newUser();
        String file = lines(5, JAN_2024) + "#skip\nnot a play\n" + lines(3, JAN_2024 + 86_400);

        Api.Response accepted = upload(port, user.accessToken(), "history.testlines", utf8(file), null);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().path("status").asString()).isIn("queued", "running", "completed");
        assertThat(accepted.json().path("format").asString()).isEqualTo(TestLinesFormat.ID);
        JsonNode job = awaitFinished(user.api(), accepted.json().path("id").asLong());
        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isEqualTo(8);
        assertThat(job.path("skipped").asLong()).isEqualTo(1);
        assertThat(job.path("failed").asLong()).isEqualTo(1);
        assertThat(job.path("processed").asLong()).isEqualTo(10);
        assertThat(job.path("total").asLong()).isEqualTo(10);
        assertThat(job.path("duplicates").asLong()).isZero();
        assertThat(job.path("started_at").isNull()).isFalse();
        assertThat(job.path("finished_at").isNull()).isFalse();
        assertThat(job.path("rows_per_second").isNumber()).isTrue();
        assertThat(listens(user.id())).isEqualTo(8);
    }

    @Test
    void errorReportGivesRowNumberReasonAndRawRow() {
        Api.User user = api().newUser();
        long id = upload(port, user.accessToken(), "h.testlines", utf8(lines(2, JAN_2024) + "garbage|row\n"), null)
                .json().path("id").asLong();
        awaitFinished(user.api(), id);

        JsonNode report = user.api().get("/api/v1/imports/" + id + "/errors").json();

        assertThat(report.path("failed").asLong()).isEqualTo(1);
        JsonNode line = report.path("errors").get(0);
        assertThat(line.path("row_number").asLong()).isEqualTo(3);
        assertThat(line.path("raw").asString()).isEqualTo("garbage|row");
        assertThat(line.path("reason").asString()).contains("expected");
        assertThat(line.path("entry").asString()).isEqualTo("h.testlines");
    }

    @Test
    void reimportingTheSameFileAddsNoListen() {
        Api.User user = api().newUser();
        byte[] file = utf8(lines(30, JAN_2024));
        awaitFinished(user.api(), upload(port, user.accessToken(), "a.testlines", file, null).json().path("id").asLong());

        JsonNode again = awaitFinished(user.api(),
                upload(port, user.accessToken(), "a.testlines", file, null).json().path("id").asLong());

        assertThat(again.path("status").asString()).isEqualTo("completed");
        assertThat(again.path("imported").asLong()).isZero();
        assertThat(again.path("duplicates").asLong()).isEqualTo(30);
        assertThat(listens(user.id())).isEqualTo(30);
    }

    @Test
    void importsEveryKnownFileOfAZipInFoldersAndReportsTheOthers() {
        Api.User user = api().newUser();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export/", new byte[0]);
        entries.put("export/2023/one.testlines", utf8(lines(4, JAN_2024)));
        entries.put("export/README.txt", utf8("hello"));
        entries.put("__MACOSX/export/._one.testlines", utf8("resource fork"));
        entries.put("two.testlines", utf8(lines(3, JAN_2024 + 10 * 86_400)));

        JsonNode job = awaitFinished(user.api(), upload(port, user.accessToken(), "takeout.zip", Uploads.zip(entries), null)
                .json().path("id").asLong());

        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("format").asString()).isEqualTo("zip");
        assertThat(job.path("imported").asLong()).isEqualTo(7);
        assertThat(job.path("skipped_files").asInt()).isEqualTo(1);
        JsonNode errors = user.api().get("/api/v1/imports/" + job.path("id").asLong() + "/errors").json().path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("entry").asString()).isEqualTo("export/README.txt");
        assertThat(errors.get(0).path("row_number").asLong()).isZero();
        assertThat(listens(user.id())).isEqualTo(7);
    }

    @Test
    void aZipWithoutAnyKnownFileFailsWithAClearReason() {
        Api.User user = api().newUser();
        byte[] zip = Uploads.zip(Map.of("notes.txt", utf8("nothing to see")));

        JsonNode job = awaitFinished(user.api(), upload(port, user.accessToken(), "x.zip", zip, null).json().path("id").asLong());

        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("error").asString()).contains("no file of a known import format");
    }

    @Test
    void aDamagedZipFailsTheJob() {
        Api.User user = api().newUser();
        byte[] zip = Uploads.zip(Map.of("one.testlines", utf8(lines(200, JAN_2024))));
        byte[] damaged = java.util.Arrays.copyOf(zip, zip.length);
        for (int i = 40; i < damaged.length - 30; i++) {
            damaged[i] = (byte) (damaged[i] ^ 0x5a);
        }

        JsonNode job = awaitFinished(user.api(), upload(port, user.accessToken(), "x.zip", damaged, null).json().path("id").asLong());

        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("error").asString()).isNotBlank();
    }

    @Test
    void anUnreadableFileFailsTheJobButKeepsRowsAlreadyImported() {
        Api.User user = api().newUser();
        JsonNode job = awaitFinished(user.api(), upload(port, user.accessToken(), "b.testlines",
                utf8(lines(3, JAN_2024) + "#broken\n"), null).json().path("id").asLong());

        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("error").asString()).contains("b.testlines").contains("not a test line");
    }

    @Test
    void anUnreadableFileFailsAfterTheBatchesReadBeforeItAreCommittedAndItsThreadsEnd() {
        Api.User user = api().newUser();
        // every play read before the bad line is committed (sorted into time order first, docs/formats.md#row-order)
        long id = upload(port, user.accessToken(), "c.testlines", utf8(lines(2_500, JAN_2024) + "#broken\n"), null)
                .json().path("id").asLong();

        JsonNode job = awaitFinished(user.api(), id);

        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("error").asString()).contains("c.testlines").contains("not a test line");
        assertThat(job.path("imported").asLong()).isEqualTo(2_500);
        assertThat(listens(user.id())).isEqualTo(2_500);
        Uploads.awaitNoJobThreads(id);
    }

    @Test
    void aBugInAParserFailsTheJobWithAReasonInsteadOfHangingIt() {
        Api.User user = api().newUser();
        long id = upload(port, user.accessToken(), "x.testlines", utf8(lines(1_200, JAN_2024) + "#bug\n"), null)
                .json().path("id").asLong();

        JsonNode job = awaitFinished(user.api(), id);

        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("error").asString()).isEqualTo("internal error: IllegalStateException");
        assertThat(job.path("imported").asLong()).isEqualTo(1_200);
        Uploads.awaitNoJobThreads(id);
    }

    @Test
    void aCompletedJobLeavesNoThreadBehind() {
        Api.User user = api().newUser();
        long id = upload(port, user.accessToken(), "t.testlines", utf8(lines(2_345, JAN_2024)), null)
                .json().path("id").asLong();

        JsonNode job = awaitFinished(user.api(), id);

        assertThat(job.path("status").asString()).isEqualTo("completed");
        assertThat(job.path("imported").asLong()).isEqualTo(2_345);
        Uploads.awaitNoJobThreads(id);
    }

    @Test
    void aHighlyCompressedZipIsStoppedAsABomb() {
        Api.User user = api().newUser();
        // 64 MiB of one byte deflate to ~64 KiB: a ratio near 1000:1, above the default guard of 200:1
        byte[] bomb = Uploads.zip(Map.of("bomb.testlines", new byte[64 << 20]));

        JsonNode job = awaitFinished(user.api(), upload(port, user.accessToken(), "bomb.zip", bomb, null).json().path("id").asLong());

        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("error").asString()).contains("compression ratio");
    }

    @Test
    void theUploadedFileIsDeletedWhenTheJobEnds() {
        Api.User user = api().newUser();
        long id = upload(port, user.accessToken(), "d.testlines", utf8(lines(3, JAN_2024)), null).json().path("id").asLong();
        java.nio.file.Path stored = java.nio.file.Path.of(database.dsl().select(IMPORT_JOBS.FILE_PATH).from(IMPORT_JOBS)
                .where(IMPORT_JOBS.ID.eq(id)).fetchOne(IMPORT_JOBS.FILE_PATH));

        awaitFinished(user.api(), id);

        assertThat(stored).doesNotExist();
        assertThat(stored.getParent()).isDirectory();
    }

    private long listens(long userId) {
        return database.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(userId));
    }
}
