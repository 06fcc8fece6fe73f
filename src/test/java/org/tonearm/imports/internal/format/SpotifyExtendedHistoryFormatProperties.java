package org.tonearm.imports.internal.format;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SpotifyExtendedHistoryFormatProperties {

    private final SpotifyExtendedHistoryFormat format = new SpotifyExtendedHistoryFormat();
    private final byte[] fixture = Fixtures.bytes("spotify_extended/Streaming_History_Audio_2023_1.json");

    @Property(tries = 200)
    void truncatedFilesReportTheirRowsOrAreRefused(@ForAll int cut) {
        FormatFuzzing.parseKeepingInvariants(format, "a.json", FormatFuzzing.truncated(fixture, cut));
    }

    @Property(tries = 100)
    void shuffledRowsAreEachReportedOnce(@ForAll long seed) {
        CollectingSink sink = FormatFuzzing.parseKeepingInvariants(format, "a.json",
                FormatFuzzing.shuffledLines(fixture, seed));
        if (sink != null) {
            // one play per line in the fixture: 10 rows whatever their order (or refused: a shuffled bracket)
            org.assertj.core.api.Assertions.assertThat(sink.total()).isLessThanOrEqualTo(10);
        }
    }

    @Property(tries = 200)
    void randomBytesNeverEscapeAsAnythingButAFileError(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
        FormatFuzzing.parseKeepingInvariants(format, "a.json", FormatFuzzing.randomBytes(fixture, seed, n));
    }
}
