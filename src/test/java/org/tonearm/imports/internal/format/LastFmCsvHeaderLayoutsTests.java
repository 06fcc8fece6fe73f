package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;

/** Last.fm CSV read by its header (docs/formats.md, "Last.fm CSV layouts"): one test per documented layout. */
class LastFmCsvHeaderLayoutsTests {

    private final LastFmCsvFormat format = new LastFmCsvFormat();

    @Test
    void artistNameTrackNameTimestampReadsEpochSecondsWithoutAlbumOrMbids() throws Exception {
        CollectingSink sink = parse("lastfm_csv_header_artist_name_track_name_timestamp.csv");

        assertThat(sink.counts()).isEqualTo("2/0/1");
        assertThat(rows(sink)).containsExactly(
                "2021-01-31T13:45:00Z|Radiohead|Airbag|null",
                "2021-01-31T13:50:00Z|Crosby, Stills, Nash & Young|Teach Your Children|null");
        assertThat(sink.failureReasons()).containsExactly("timestamp is missing");
        assertThat(sink.listens.getFirst().externalId()).isEqualTo("1612100700|Radiohead|Airbag");
        assertThat(sink.listens.getFirst().credit().ids().artistMbids()).isEmpty();
    }

    @Test
    void reorderedColumnsWithBomPaddingAndCapitalsAreReadByName() throws Exception {
        CollectingSink sink = parse("lastfm_csv_columns_reordered.csv");

        assertThat(sink.counts()).isEqualTo("2/0/0");
        assertThat(rows(sink)).containsExactly(
                "2021-01-31T13:45:00Z|Radiohead|Airbag|OK Computer",
                "2020-09-21T21:00:00Z|Earth, Wind & Fire|September|The Best Of");
        assertThat(sink.listens.getFirst().credit().ids().recordingMbid())
                .isEqualTo("0a4a1b6c-5f3a-4c6e-9a9b-2f2d6e3b9b11");
        assertThat(sink.listens.get(1).credit().ids().recordingMbid()).isNull();
        assertThat(sink.rowNumbers).containsExactly(2L, 3L);
    }

    @Test
    void utcTimeAloneGivesTheStartAndTheSameKeyAsTheEpochColumnWould() throws Exception {
        CollectingSink sink = parse("lastfm_csv_utc_time_only.csv");

        assertThat(sink.counts()).isEqualTo("2/0/1");
        assertThat(rows(sink)).containsExactly(
                "2021-01-31T13:45:00Z|Radiohead|Airbag|OK Computer",
                "2021-02-01T02:00:00Z|Burial|Archangel|null");
        assertThat(sink.failureReasons()).containsExactly("utc_time is not a valid date: tomorrow");
        // the same scrobble exported by ghan's tool (uts 1612100700) has the same key, so re-importing dedups it
        assertThat(sink.listens.getFirst().externalId()).isEqualTo("1612100700|Radiohead|Airbag");
    }

    @Test
    void utsWinsOverUtcTimeWhenBothArePresentAndUtcTimeFillsABlankUts() throws Exception {
        CollectingSink sink = parse("lastfm_csv_uts_and_utc_time.csv");

        assertThat(sink.counts()).isEqualTo("2/0/0");
        assertThat(rows(sink)).containsExactly(
                "2021-01-31T13:45:12Z|Radiohead|Airbag|null",
                "2021-01-31T14:05:00Z|Radiohead|Paranoid Android|null");
    }

    @Test
    void trackAlbumArtistTimeWithSpacedIdColumnsReadsAnIsoTimeAsUtc() throws Exception {
        CollectingSink sink = parse("lastfm_csv_track_album_artist_time.csv");

        assertThat(sink.counts()).isEqualTo("1/0/0");
        assertThat(rows(sink)).containsExactly("2021-01-31T13:45:00Z|Radiohead|Airbag|OK Computer");
        IncomingListen airbag = sink.listens.getFirst();
        assertThat(airbag.credit().ids().artistMbids()).containsExactly("a74b1b7f-71a5-4011-9441-d0b5e4122711");
        assertThat(airbag.credit().ids().releaseMbid()).isNull();
    }

    @Test
    void artistAlbumNameDateReadsTheTrackFromName() throws Exception {
        CollectingSink sink = parse("lastfm_csv_artist_album_name_date.csv");

        assertThat(sink.counts()).isEqualTo("1/0/0");
        assertThat(rows(sink)).containsExactly("2021-01-31T13:45:00Z|Radiohead|Airbag|OK Computer");
    }

    @Test
    void everyDocumentedLayoutIsDetectedWhateverTheFileName() {
        for (String layout : List.of("lastfm_csv_header_artist_name_track_name_timestamp.csv",
                "lastfm_csv_columns_reordered.csv", "lastfm_csv_utc_time_only.csv", "lastfm_csv_uts_and_utc_time.csv",
                "lastfm_csv_track_album_artist_time.csv", "lastfm_csv_artist_album_name_date.csv")) {
            assertThat(Fixtures.detects(format, "export.txt", "lastfm/" + layout)).as(layout).isTrue();
        }
    }

    @Test
    void aHeaderWithoutATimeOrATrackColumnIsNotLastFm() {
        assertThat(format.detect("x.csv", "artist,track,album\nRadiohead,Airbag,OK Computer\n".getBytes())).isFalse();
        assertThat(format.detect("x.csv", "artist,song,uts\nRadiohead,Airbag,1612100700\n".getBytes())).isFalse();
        assertThat(format.detect("x.csv", "performer,track,uts\nRadiohead,Airbag,1612100700\n".getBytes())).isFalse();
        assertThat(format.detect("x.csv", "artist,track,uts\nRadiohead,Airbag,1612100700\n".getBytes())).isTrue();
    }

    private CollectingSink parse(String layout) throws Exception {
        return Fixtures.parse(format, "lastfm/" + layout);
    }

    private static List<String> rows(CollectingSink sink) {
        return sink.listens.stream().map(l -> Instant.ofEpochMilli(l.listenedAtMs()) + "|" + l.credit().artist()
                + "|" + l.credit().title() + "|" + l.credit().album()).toList();
    }
}
