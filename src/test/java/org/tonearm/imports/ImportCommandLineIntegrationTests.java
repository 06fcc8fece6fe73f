package org.tonearm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.imports.Uploads.lines;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tonearm.TonearmApplication;

/** {@code tonearm import --user NAME PATH…} against a database of its own. */
class ImportCommandLineIntegrationTests {

    private static final long JAN_2024 = 1_704_067_200L;

    private final ScratchDatabase db = new ScratchDatabase();

    @AfterEach
    void drop() {
        db.drop();
    }

    @Test
    void importsAFolderWithAProgressBarAndAReportThenExitsZero() throws Exception {
        assertThat(cli("nobody", Path.of("."))).isEqualTo(1); // also migrates the scratch database
        insertUser("cli_user");
        Path folder = Files.createTempDirectory("tonearm-cli-");
        Files.createDirectories(folder.resolve("2023"));
        Files.writeString(folder.resolve("2023/a.testlines"), lines(12, JAN_2024) + "bad\n");
        Files.writeString(folder.resolve("b.testlines"), lines(5, JAN_2024 + 86_400 * 30));
        Files.writeString(folder.resolve("notes.docx"), "not history");

        int code = cli("cli_user", folder);

        assertThat(code).as(out.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("a.testlines: completed — 12 imported, 0 duplicates (0 merged), 0 skipped, 1 failed")
                .contains("b.testlines: completed — 5 imported").contains("row 13");
        assertThat(err.toString()).contains("skipped").contains("notes.docx").contains("100%");
        assertThat(listens("cli_user")).isEqualTo(17);

        assertThat(cli("cli_user", folder.resolve("b.testlines"))).isEqualTo(0);
        assertThat(out.toString()).contains("b.testlines: completed — 0 imported, 5 duplicates");
        assertThat(listens("cli_user")).isEqualTo(17);
    }

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    private int cli(String user, Path path) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("import", "--user", user, path.toString()));
        db.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        return ImportCommandLine.run(TonearmApplication.class, args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void insertUser(String name) throws Exception {
        try (Connection c = db.connect()) {
            c.createStatement().execute("insert into users (username, role, timezone, week_start, profile_visibility,"
                    + " disabled, created_at, updated_at) values ('" + name + "', 'USER', 'UTC', 'MONDAY', 'PRIVATE',"
                    + " false, 0, 0)");
        }
    }

    private long listens(String user) throws Exception {
        try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery(
                "select count(*) from listens l join users u on u.id = l.user_id where u.username = '" + user + "'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
