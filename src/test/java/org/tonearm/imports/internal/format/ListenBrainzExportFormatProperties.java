package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ListenBrainzExportFormatProperties {

    private static final String NAME = "listens/2023/1.jsonl";
    private final ListenBrainzExportFormat format = new ListenBrainzExportFormat();
    private final byte[] fixture = Fixtures.bytes("listenbrainz/" + NAME);
    private final byte[] array = Fixtures.bytes("listenbrainz/listens.json");

    @Property(tries = 200)
    void truncatedFilesReportTheirRowsOrAreRefused(@ForAll int cut) {
        FormatFuzzing.parseKeepingInvariants(format, NAME, FormatFuzzing.truncated(fixture, cut));
        FormatFuzzing.parseKeepingInvariants(format, "listens.json", FormatFuzzing.truncated(array, cut));
    }

    @Property(tries = 100)
    void shuffledLinesAreEachAccountedFor(@ForAll long seed) {
        CollectingSink sink = FormatFuzzing.parseKeepingInvariants(format, NAME,
                FormatFuzzing.shuffledLines(fixture, seed));
        // JSON Lines never refuse the file: every non-blank line is one listen, skip or failure
        assertThat(sink).isNotNull();
        assertThat(sink.total()).isEqualTo(8);
    }

    @Property(tries = 200)
    void randomBytesNeverEscapeAsAnythingButAFileError(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
        FormatFuzzing.parseKeepingInvariants(format, NAME, FormatFuzzing.randomBytes(fixture, seed, n));
        FormatFuzzing.parseKeepingInvariants(format, "listens.json", FormatFuzzing.randomBytes(array, seed, n));
    }
}
