package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;

/**
 * Damaged variants of a fixture (truncated, lines shuffled, random bytes overwritten) and the invariants every
 * parser keeps on them (issue #4 item 5): nothing but {@link ImportFileException} escapes, every reported row is
 * reported once and in order, failures carry a reason, and every listen respects {@link ImportRowRules}.
 */
final class FormatFuzzing {

    private FormatFuzzing() {}

    static byte[] truncated(byte[] content, int cut) {
        return Arrays.copyOf(content, Math.floorMod(cut, content.length + 1));
    }

    static byte[] shuffledLines(byte[] content, long seed) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(content, StandardCharsets.UTF_8).split("\n", -1)));
        Collections.shuffle(lines, new Random(seed));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] randomBytes(byte[] content, long seed, int changes) {
        byte[] copy = content.clone();
        Random random = new Random(seed);
        for (int i = 0; i < changes && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    /** Parses {@code content} and checks the invariants; returns the sink, or null when the file was refused. */
    static CollectingSink parseKeepingInvariants(ImportFormat format, String fileName, byte[] content) {
        CollectingSink sink;
        try {
            sink = Fixtures.parseBytes(format, fileName, content);
        } catch (ImportFileException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return null;
        } catch (IOException impossible) {
            throw new AssertionError("a byte array cannot fail to read", impossible);
        }
        assertThat(sink.rowNumbers).doesNotHaveDuplicates().isSorted();
        assertThat(sink.rowNumbers).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(sink.failures).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
        assertThat(sink.skips).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
        sink.listens.forEach(l -> assertKeepsRules(format, l));
        return sink;
    }

    private static void assertKeepsRules(ImportFormat format, IncomingListen listen) {
        assertThat(listen.channel()).isEqualTo(Channel.IMPORT);
        assertThat(listen.origin()).isEqualTo(format.id());
        assertThat(listen.userId()).isEqualTo(Fixtures.USER_ID);
        assertThat(listen.credit().artist()).isNotBlank().doesNotContain("\0");
        assertThat(listen.credit().title()).isNotBlank().doesNotContain("\0");
        assertThat(listen.credit().artist().codePointCount(0, listen.credit().artist().length()))
                .isLessThanOrEqualTo(ImportRowRules.MAX_NAME_LENGTH);
        assertThat(listen.listenedAtMs()).isBetween(0L, System.currentTimeMillis() + ImportRowRules.MAX_FUTURE_MS);
        if (listen.durationPlayedMs() != null) {
            assertThat(listen.durationPlayedMs()).isBetween(0L, ImportRowRules.MAX_DURATION_MS);
        }
        if (listen.externalId() != null) {
            assertThat(listen.externalId().length()).isLessThanOrEqualTo(200);
        }
    }
}
