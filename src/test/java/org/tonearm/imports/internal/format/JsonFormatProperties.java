package org.tonearm.imports.internal.format;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tonearm.imports.ImportFormat;

/** Damaged Spotify account history and Maloja files (issue #4 item 5). */
class JsonFormatProperties {

    private record Case(ImportFormat format, String name, byte[] content) {}

    private final List<Case> cases = List.of(
            new Case(new SpotifyAccountHistoryFormat(), "StreamingHistory_music_0.json",
                    Fixtures.bytes("spotify_account/StreamingHistory_music_0.json")),
            new Case(new SpotifyAccountHistoryFormat(), "StreamingHistory0.json",
                    Fixtures.bytes("spotify_account/StreamingHistory0.json")),
            new Case(new MalojaExportFormat(), "maloja.json",
                    Fixtures.bytes("maloja/maloja_export_1675172712.json")));

    @Property(tries = 200)
    void truncatedFilesReportTheirRowsOrAreRefused(@ForAll int cut) {
        cases.forEach(c -> FormatFuzzing.parseKeepingInvariants(c.format, c.name,
                FormatFuzzing.truncated(c.content, cut)));
    }

    @Property(tries = 100)
    void shuffledLinesNeverEscape(@ForAll long seed) {
        cases.forEach(c -> FormatFuzzing.parseKeepingInvariants(c.format, c.name,
                FormatFuzzing.shuffledLines(c.content, seed)));
    }

    @Property(tries = 200)
    void randomBytesNeverEscapeAsAnythingButAFileError(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
        cases.forEach(c -> FormatFuzzing.parseKeepingInvariants(c.format, c.name,
                FormatFuzzing.randomBytes(c.content, seed, n)));
    }
}
