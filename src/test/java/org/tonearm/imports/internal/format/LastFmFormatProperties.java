package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Damaged Last.fm CSV and JSON files (issue #4 item 5). */
class LastFmFormatProperties {

    private final LastFmCsvFormat csv = new LastFmCsvFormat();
    private final LastFmJsonFormat json = new LastFmJsonFormat();
    private final byte[] ghan = Fixtures.bytes("lastfm/ghan_scrobbles.csv");
    private final byte[] simple = Fixtures.bytes("lastfm/scrobbles.csv");
    private final byte[] page = Fixtures.bytes("lastfm/recenttracks_page.json");
    private final byte[] pages = Fixtures.bytes("lastfm/recenttracks_pages.json");

    @Property(tries = 200)
    void truncatedFilesReportTheirRowsOrAreRefused(@ForAll int cut) {
        FormatFuzzing.parseKeepingInvariants(csv, "a.csv", FormatFuzzing.truncated(ghan, cut));
        FormatFuzzing.parseKeepingInvariants(csv, "a.csv", FormatFuzzing.truncated(simple, cut));
        FormatFuzzing.parseKeepingInvariants(json, "a.json", FormatFuzzing.truncated(page, cut));
        FormatFuzzing.parseKeepingInvariants(json, "a.json", FormatFuzzing.truncated(pages, cut));
    }

    @Property(tries = 100)
    void shuffledCsvLinesAreEachAccountedFor(@ForAll long seed) {
        CollectingSink sink = FormatFuzzing.parseKeepingInvariants(csv, "a.csv",
                FormatFuzzing.shuffledLines(simple, seed));
        // CSV never refuses the file; quoted line breaks may join shuffled lines, so at most one row per line
        assertThat(sink).isNotNull();
        assertThat(sink.total()).isBetween(1, 8);
        FormatFuzzing.parseKeepingInvariants(json, "a.json", FormatFuzzing.shuffledLines(page, seed));
    }

    @Property(tries = 200)
    void randomBytesNeverEscapeAsAnythingButAFileError(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
        FormatFuzzing.parseKeepingInvariants(csv, "a.csv", FormatFuzzing.randomBytes(ghan, seed, n));
        FormatFuzzing.parseKeepingInvariants(csv, "a.csv", FormatFuzzing.randomBytes(simple, seed, n));
        FormatFuzzing.parseKeepingInvariants(json, "a.json", FormatFuzzing.randomBytes(page, seed, n));
        FormatFuzzing.parseKeepingInvariants(json, "a.json", FormatFuzzing.randomBytes(pages, seed, n));
    }
}
