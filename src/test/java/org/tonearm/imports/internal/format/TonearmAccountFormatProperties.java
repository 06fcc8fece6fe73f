package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tonearm.imports.RestoredListen;

/**
 * Damaged account-export listens files (issue #4 item 5, as for every other format): only a file error escapes,
 * rows are reported once and in order, and every restored listen (kept report and absorbed ones) still has an
 * artist, a title and a time inside the import rules.
 */
class TonearmAccountFormatProperties {

    private final TonearmAccountFormat format = new TonearmAccountFormat(ImportRowRules.systemClock(), null);
    private final byte[] listens = Fixtures.bytes("tonearm_account/listens.jsonl");

    @Property(tries = 200)
    void truncatedListensFilesReportTheirRowsOrAreRefused(@ForAll int cut) {
        check(FormatFuzzing.parseKeepingInvariants(format, "listens.jsonl", FormatFuzzing.truncated(listens, cut)));
    }

    @Property(tries = 100)
    void shuffledLinesAreEachAccountedFor(@ForAll long seed) {
        CollectingSink sink = FormatFuzzing.parseKeepingInvariants(format, "listens.jsonl",
                FormatFuzzing.shuffledLines(listens, seed));
        check(sink);
        if (sink != null) {
            assertThat(sink.restored).hasSize(2); // one JSON object per line: order does not matter
        }
    }

    @Property(tries = 200)
    void randomBytesNeverEscapeAsAnythingButAFileError(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
        check(FormatFuzzing.parseKeepingInvariants(format, "listens.jsonl",
                FormatFuzzing.randomBytes(listens, seed, n)));
    }

    private static void check(CollectingSink sink) {
        if (sink == null) {
            return;
        }
        for (RestoredListen restored : sink.restored) {
            java.util.stream.Stream.concat(java.util.stream.Stream.of(restored.primary()), restored.absorbed().stream())
                    .forEach(l -> {
                        assertThat(l.credit().artist()).isNotBlank().doesNotContain("\0");
                        assertThat(l.credit().title()).isNotBlank().doesNotContain("\0");
                        assertThat(l.listenedAtMs())
                                .isBetween(0L, System.currentTimeMillis() + ImportRowRules.MAX_FUTURE_MS);
                    });
        }
    }
}
