package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tonearm.imports.ImportFileException;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.TimeStamp;

/** Spinitron playlist CSV: heading rows, then the spin table (docs/formats.md). */
class SpinitronCsvFormatTests {

    static final String PLAYLIST = "spinitron/spinitron_csv_playlist_with_heading_rows.csv";
    static final String SEARCH = "spinitron/spinitron_csv_search_export_with_date_column.csv";
    private final SpinitronCsvFormat format = new SpinitronCsvFormat();

    @Test
    void readsThePlaylistDatingSpinsFromTheHeadingRows() throws Exception {
        CollectingSink sink = Fixtures.parse(format, PLAYLIST);

        assertThat(sink.counts()).isEqualTo("4/0/2");
        assertThat(sink.failureReasons()).containsExactly("artist is missing",
                "time is not a time of day: whenever");
        IncomingListen airbag = sink.listens.getFirst();
        assertThat(airbag.credit().artist()).isEqualTo("Radiohead");
        assertThat(airbag.credit().title()).isEqualTo("Airbag");
        assertThat(airbag.credit().album()).isEqualTo("OK Computer");
        assertThat(airbag.listenedAtMs()).isEqualTo(Instant.parse("2024-05-01T23:02:10Z").toEpochMilli());
        assertThat(airbag.stamp()).isEqualTo(TimeStamp.START);
        assertThat(airbag.durationPlayedMs()).isEqualTo(284_000L);
        assertThat(sink.listens.get(1).credit().artist()).isEqualTo("Crosby, Stills, Nash & Young");
        assertThat(sink.listens.get(1).durationPlayedMs()).isEqualTo(265_000L);
        assertThat(sink.rowNumbers).containsExactly(7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void aSpinPastMidnightIsOnTheNextDay() throws Exception {
        CollectingSink sink = Fixtures.parse(format, PLAYLIST);

        assertThat(sink.listens.get(2).listenedAtMs()).isEqualTo(Instant.parse("2024-05-01T23:58:30Z").toEpochMilli());
        assertThat(sink.listens.get(3).listenedAtMs()).isEqualTo(Instant.parse("2024-05-02T00:04:05Z").toEpochMilli());
        assertThat(sink.listens.get(3).credit().artist()).isEqualTo("坂本龍一");
    }

    @Test
    void readsADateColumnWhenThereAreNoHeadingRows() throws Exception {
        CollectingSink sink = Fixtures.parse(format, SEARCH);

        assertThat(sink.counts()).isEqualTo("2/0/0");
        assertThat(sink.listens.get(1).listenedAtMs()).isEqualTo(Instant.parse("2024-05-01T18:07:00Z").toEpochMilli());
        assertThat(sink.listens.get(1).durationPlayedMs()).isNull();
    }

    @Test
    void aFileWithoutASpinTableIsRefused() {
        assertThatThrownBy(() -> Fixtures.parseBytes(format, "x.csv",
                "Playlist,Show\nDJ,Ada\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("Artist, Song and Time");
    }

    @Test
    void detectsBothExportsButNotOtherCsvs() {
        assertThat(Fixtures.detects(format, "playlist.csv", PLAYLIST)).isTrue();
        assertThat(Fixtures.detects(format, "upload.csv", SEARCH)).isTrue();
        assertThat(Fixtures.detects(format, "t.csv", "tonearm/tonearm-listens.csv")).isFalse();
        assertThat(Fixtures.detects(format, "a.csv", "apple_music/Apple Music Play Activity.csv")).isFalse();
        assertThat(Fixtures.detects(format, "s.csv", "lastfm/scrobbles.csv")).isFalse();
    }
}
