package org.tonearm.imports.internal.format;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tonearm.imports.ImportFormat;

/** Damaged Libre.fm, Pano Scrobbler and Spinitron files (issue #10 item 4): rows are reported, never escape. */
class CommunityExportFormatProperties {

    private record Case(ImportFormat format, String name, byte[] content) {}

    private final List<Case> cases = List.of(
            new Case(new LibreFmCsvFormat(), "a.tsv", Fixtures.bytes(LibreFmCsvFormatTests.WITH_ALBUM)),
            new Case(new LibreFmCsvFormat(), "b.tsv", Fixtures.bytes(LibreFmCsvFormatTests.COMMENTS)),
            new Case(new LibreFmCsvFormat(), "c.csv", Fixtures.bytes(LibreFmCsvFormatTests.MALOJA)),
            new Case(new PanoScrobblerJsonlFormat(), "p.jsonl", Fixtures.bytes(PanoScrobblerJsonlFormatTests.LOG)),
            new Case(new SpinitronCsvFormat(), "s.csv", Fixtures.bytes(SpinitronCsvFormatTests.PLAYLIST)),
            new Case(new SpinitronCsvFormat(), "t.csv", Fixtures.bytes(SpinitronCsvFormatTests.SEARCH)));

    @Property(tries = 100)
    void truncatedFilesReportTheirRowsOrAreRefused(@ForAll int cut) {
        cases.forEach(c -> FormatFuzzing.parseKeepingInvariants(c.format, c.name,
                FormatFuzzing.truncated(c.content, cut)));
    }

    @Property(tries = 60)
    void shuffledLinesNeverEscape(@ForAll long seed) {
        cases.forEach(c -> FormatFuzzing.parseKeepingInvariants(c.format, c.name,
                FormatFuzzing.shuffledLines(c.content, seed)));
    }

    @Property(tries = 100)
    void randomBytesNeverEscapeAsAnythingButAFileError(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
        cases.forEach(c -> FormatFuzzing.parseKeepingInvariants(c.format, c.name,
                FormatFuzzing.randomBytes(c.content, seed, n)));
    }
}
