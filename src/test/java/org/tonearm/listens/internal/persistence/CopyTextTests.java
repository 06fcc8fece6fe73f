package org.tonearm.listens.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The COPY text format (PostgreSQL documentation, "COPY", "Text Format") and its streaming in pieces. */
class CopyTextTests {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final List<Integer> pieces = new ArrayList<>();

    private CopyText text(int chunkChars) {
        return new CopyText((bytes, offset, length) -> {
            body.write(bytes, offset, length);
            pieces.add(length);
        }, chunkChars);
    }

    @Test
    void escapesTheFourSpecialCharactersWritesNullAsBackslashNAndSeparatesWithTabs() throws Exception {
        CopyText copy = text(1 << 20);
        copy.value(42L).value(null).value("a\\b\tc\nd\re").value("Sigur Rós ♪").value((short) 7);
        copy.endRow();
        copy.flush();

        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("42\t\\N\ta\\\\b\\tc\\nd\\re\tSigur Rós ♪\t7\n");
    }

    @Test
    void sendsPiecesOfAboutTheChunkSizeAtRowEndsAndTheRestOnFlush() throws Exception {
        CopyText copy = text(7);
        for (int row = 0; row < 5; row++) {
            copy.value("row" + row).value((long) row);
            copy.endRow();
        }
        assertThat(pieces).as("each 7-character row reaches the threshold").hasSize(5);
        copy.value("last");
        copy.endRow();
        copy.flush();
        copy.flush(); // nothing left: no empty piece

        assertThat(pieces).hasSize(6).doesNotContain(0);
        assertThat(body.toString(StandardCharsets.UTF_8))
                .isEqualTo("row0\t0\nrow1\t1\nrow2\t2\nrow3\t3\nrow4\t4\nlast\n");
    }
}
