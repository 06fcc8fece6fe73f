package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tonearm.imports.ImportFormat;

/** Damaged Apple Music, YouTube Takeout and scrobbler.log files (issue #4 item 5). */
class DeviceAndStreamingFormatProperties {

    private record Case(ImportFormat format, String name, byte[] content) {}

    private final Case log = new Case(new ScrobblerLogFormat(), ".scrobbler.log",
            Fixtures.bytes("scrobbler_log/.scrobbler.log"));
    private final List<Case> cases = List.of(log,
            new Case(new AppleMusicPlayActivityFormat(), "a.csv",
                    Fixtures.bytes("apple_music/Apple Music Play Activity.csv")),
            new Case(new AppleMusicPlayActivityFormat(), "b.csv",
                    Fixtures.bytes("apple_music/Apple Music Play Activity 2023.csv")),
            new Case(new YouTubeWatchHistoryFormat(), "watch-history.json",
                    Fixtures.bytes("youtube_takeout/watch-history.json")));

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

    @Property(tries = 100)
    void everyShuffledScrobblerLogLineIsAccountedFor(@ForAll long seed) {
        CollectingSink sink = FormatFuzzing.parseKeepingInvariants(log.format, log.name,
                FormatFuzzing.shuffledLines(log.content, seed));

        assertThat(sink).isNotNull();
        assertThat(sink.total()).isEqualTo(8);
    }

    @Property(tries = 200)
    void randomBytesNeverEscapeAsAnythingButAFileError(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
        cases.forEach(c -> FormatFuzzing.parseKeepingInvariants(c.format, c.name,
                FormatFuzzing.randomBytes(c.content, seed, n)));
    }
}
