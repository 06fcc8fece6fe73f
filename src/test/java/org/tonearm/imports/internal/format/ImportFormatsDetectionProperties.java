package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tonearm.imports.ImportFormats;

/** {@code ImportFormat.detect} must be cheap and never throw, whatever the name and the head (its contract). */
class ImportFormatsDetectionProperties {

    private static final List<String> FIXTURES = List.of("spotify_extended/Streaming_History_Audio_2023_1.json",
            "lastfm/ghan_scrobbles.csv", "listenbrainz/listens/2023/1.jsonl", "apple_music/Apple Music Play Activity.csv",
            "scrobbler_log/.scrobbler.log", "tonearm/tonearm-listens.json", LibreFmCsvFormatTests.COMMENTS,
            PanoScrobblerJsonlFormatTests.LOG, SpinitronCsvFormatTests.PLAYLIST);

    private final ImportFormats formats = new ImportFormats(List.of(new TonearmCsvFormat(), new LastFmCsvFormat(),
            new ScrobblerLogFormat(), new AppleMusicPlayActivityFormat(), new TonearmJsonFormat(),
            new YouTubeWatchHistoryFormat(), new MalojaExportFormat(), new LastFmJsonFormat(),
            new ListenBrainzExportFormat(), new SpotifyAccountHistoryFormat(), new SpotifyExtendedHistoryFormat(),
            new LibreFmCsvFormat(), new PanoScrobblerJsonlFormat(), new SpinitronCsvFormat()));

    @Property(tries = 300)
    void detectionNeverThrowsOnArbitraryNamesAndBytes(@ForAll String name, @ForAll byte[] head) {
        assertThatCode(() -> formats.detect(name, head)).doesNotThrowAnyException();
    }

    @Property(tries = 300)
    void detectionNeverThrowsOnDamagedFixtureHeads(@ForAll @IntRange(min = 0, max = 8) int fixture,
            @ForAll long seed, @ForAll int cut) {
        byte[] damaged = FormatFuzzing.truncated(FormatFuzzing.randomBytes(Fixtures.bytes(FIXTURES.get(fixture)),
                seed, 20), cut);
        assertThatCode(() -> formats.detect(FIXTURES.get(fixture), damaged)).doesNotThrowAnyException();
    }
}
