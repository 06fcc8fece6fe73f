package org.tonearm.imports.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadReaderTests {

    @TempDir
    Path dir;

    @Test
    void readsEveryFileOfAZipInOrderWithItsPathAndHead() throws Exception {
        Path zip = zip(List.of("a/", "a/one.json", "two.csv"), 10);
        List<String> seen = new ArrayList<>();

        int entries = new UploadReader(new ArchiveLimits(10, 1 << 20, 100)).read(zip, "up.zip", i -> true, e -> {
            seen.add(e.index() + ":" + e.name() + ":" + e.head().length);
            return true;
        });

        assertThat(entries).isEqualTo(3);
        assertThat(seen).containsExactly("1:a/one.json:10", "2:two.csv:10");
    }

    @Test
    void entriesBeforeTheResumePointAreNotVisited() throws Exception {
        Path zip = zip(List.of("1.json", "2.json", "3.json"), 5);
        List<Integer> seen = new ArrayList<>();

        new UploadReader(new ArchiveLimits(10, 1 << 20, 100)).read(zip, "up.zip", i -> i >= 2, e -> seen.add(e.index()));

        assertThat(seen).containsExactly(2);
    }

    @Test
    void moreEntriesThanTheLimitStopTheArchive() throws Exception {
        Path zip = zip(List.of("1", "2", "3", "4"), 1);

        assertThatThrownBy(() -> new UploadReader(new ArchiveLimits(3, 1 << 20, 100)).read(zip, "z", i -> true, e -> true))
                .isInstanceOf(ArchiveLimitException.class).hasMessageContaining("more than 3 files");
    }

    @Test
    void exactlyTheEntryLimitIsAccepted() throws Exception {
        Path zip = zip(List.of("1", "2", "3"), 1);

        assertThat(new UploadReader(new ArchiveLimits(3, 1 << 20, 100)).read(zip, "z", i -> true, e -> true)).isEqualTo(3);
    }

    @Test
    void inflatingPastTheTotalLimitStopsEvenWhenTheParserReadsNothing() throws Exception {
        Path zip = zip(List.of("big"), 5_000);

        assertThatThrownBy(() -> new UploadReader(new ArchiveLimits(10, 4_999, 1_000_000)).read(zip, "z", i -> true, e -> true))
                .isInstanceOf(ArchiveLimitException.class).hasMessageContaining("inflates to more than 4999 bytes");
    }

    @Test
    void aSingleFileIsItsOwnOnlyEntry() throws Exception {
        Path file = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        List<String> seen = new ArrayList<>();

        new UploadReader(new ArchiveLimits(1, 1, 1)).read(file, "history.csv", i -> true, e -> {
            seen.add(e.name() + ":" + new String(e.body().readAllBytes()));
            return true;
        });

        assertThat(seen).containsExactly("history.csv:a,b\n1,2\n");
    }

    private Path zip(List<String> names, int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                if (!name.endsWith("/")) {
                    z.write(new byte[size]);
                }
                z.closeEntry();
            }
        }
        return Files.write(dir.resolve("u" + System.nanoTime() + ".zip"), out.toByteArray());
    }
}
