package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

class LastFmCsvFormatTests {

    private static final String GHAN = "lastfm/ghan_scrobbles.csv";
    private static final String SIMPLE = "lastfm/scrobbles.csv";
    private final LastFmCsvFormat format = new LastFmCsvFormat();

    @Test
    void readsGhanStyleCsvWithBomCrlfAndQuotedCommas() throws Exception {
        CollectingSink sink = Fixtures.parse(format, GHAN);

        assertThat(sink.counts()).isEqualTo("4/0/2");
        assertThat(sink.failureReasons()).containsExactly("uts is not a number of seconds: soon", "track is missing");
        assertThat(sink.listens).extracting(l -> l.credit().artist())
                .containsExactly("Radiohead", "Crosby, Stills, Nash & Young", "坂本龍一", "Radiohead");
        assertThat(sink.listens.get(2).credit().album()).isEqualTo("async 🌊");
        assertThat(sink.listens.get(1).credit().album()).isEqualTo("Déjà Vu");
    }

    @Test
    void mapsTheGhanRowWithStartStampMbidsAndAStableKey() throws Exception {
        CollectingSink sink = Fixtures.parse(format, GHAN);
        IncomingListen airbag = sink.listens.getFirst();

        assertThat(airbag.listenedAtMs()).isEqualTo(1_612_100_700_000L);
        assertThat(airbag.stamp()).isEqualTo(TimeStamp.START);
        assertThat(airbag.durationPlayedMs()).isNull();
        assertThat(airbag.service()).isEqualTo(Service.OTHER);
        assertThat(airbag.credit().ids().recordingMbid()).isEqualTo("0a4a1b6c-5f3a-4c6e-9a9b-2f2d6e3b9b11");
        assertThat(airbag.credit().ids().artistMbids()).containsExactly("a74b1b7f-71a5-4011-9441-d0b5e4122711");
        assertThat(airbag.externalId()).isEqualTo("1612100700|Radiohead|Airbag");
        assertThat(sink.listens.get(3).externalId()).isEqualTo(airbag.externalId());
        assertThat(airbag.raw()).startsWith("1612100700,\"31 Jan 2021, 13:45\",Radiohead");
        assertThat(sink.rowNumbers).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void readsTheHeaderlessArtistAlbumTrackDateCsv() throws Exception {
        CollectingSink sink = Fixtures.parse(format, SIMPLE);

        assertThat(sink.counts()).isEqualTo("4/0/3");
        assertThat(sink.failureReasons()).containsExactly("date is not a valid date: yesterday",
                "expected 4 columns artist,album,track,date but found 3", "the file ends inside a quoted field");
        IncomingListen airport = sink.listens.getFirst();
        assertThat(airport.listenedAtMs()).isEqualTo(Instant.parse("2021-01-31T13:45:00Z").toEpochMilli());
        assertThat(airport.externalId()).startsWith("sha256:");
        assertThat(sink.listens.get(1).credit().artist()).isEqualTo("Earth, Wind & Fire");
        assertThat(sink.listens.get(2).credit().album()).isNull();
        assertThat(sink.listens.get(3).credit().artist()).isEqualTo("Line\nBreak");
    }

    @Test
    void numbersRowsByTheLineTheyStartOn() throws Exception {
        CollectingSink sink = Fixtures.parse(format, SIMPLE);

        assertThat(sink.rowNumbers).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 8L);
    }

    @Test
    void detectsBothShapes() {
        assertThat(Fixtures.detects(format, "export.csv", GHAN)).isTrue();
        assertThat(Fixtures.detects(format, "whatever.txt", GHAN)).isTrue();
        assertThat(Fixtures.detects(format, "scrobbles.csv", SIMPLE)).isTrue();
        assertThat(Fixtures.detects(format, "scrobbles.txt", SIMPLE)).isFalse();
    }
}
