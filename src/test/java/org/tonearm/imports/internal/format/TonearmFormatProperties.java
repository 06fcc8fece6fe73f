package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Damaged Tonearm CSV and JSON files (issue #4 item 5). */
class TonearmFormatProperties {

    private final TonearmCsvFormat csv = new TonearmCsvFormat();
    private final TonearmJsonFormat json = new TonearmJsonFormat();
    private final byte[] csvFixture = Fixtures.bytes("tonearm/tonearm-listens.csv");
    private final byte[] jsonFixture = Fixtures.bytes("tonearm/tonearm-listens.json");

    @Property(tries = 200)
    void truncatedFilesReportTheirRowsOrAreRefused(@ForAll int cut) {
        FormatFuzzing.parseKeepingInvariants(csv, "t.csv", FormatFuzzing.truncated(csvFixture, cut));
        FormatFuzzing.parseKeepingInvariants(json, "t.json", FormatFuzzing.truncated(jsonFixture, cut));
    }

    @Property(tries = 100)
    void shuffledCsvRowsAreEachAccountedForWhenTheHeaderStaysFirst(@ForAll long seed) {
        byte[] shuffled = FormatFuzzing.shuffledLines(csvFixture, seed);
        CollectingSink sink = FormatFuzzing.parseKeepingInvariants(csv, "t.csv", shuffled);
        if (new String(shuffled, java.nio.charset.StandardCharsets.UTF_8).startsWith("listened_at,")) {
            assertThat(sink).isNotNull();
            assertThat(sink.total()).isEqualTo(7);
        }
        FormatFuzzing.parseKeepingInvariants(json, "t.json", FormatFuzzing.shuffledLines(jsonFixture, seed));
    }

    @Property(tries = 200)
    void randomBytesNeverEscapeAsAnythingButAFileError(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
        FormatFuzzing.parseKeepingInvariants(csv, "t.csv", FormatFuzzing.randomBytes(csvFixture, seed, n));
        FormatFuzzing.parseKeepingInvariants(json, "t.json", FormatFuzzing.randomBytes(jsonFixture, seed, n));
    }
}
