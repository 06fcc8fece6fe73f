package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.TimeStamp;

/** Libre.fm (GNU FM lastexport.py) rows: uts, track, artist[, album, mbids] (docs/formats.md). */
class LibreFmCsvFormatTests {

    static final String WITH_ALBUM = "librefm/librefm_csv_with_album.tsv";
    static final String WITHOUT_ALBUM = "librefm/librefm_csv_without_album.tsv";
    static final String COMMENTS = "librefm/librefm_csv_with_comment_lines.tsv";
    static final String MALOJA = "librefm/librefm_csv_reexported_by_maloja.csv";
    private final LibreFmCsvFormat format = new LibreFmCsvFormat();

    @Test
    void readsTabSeparatedRowsWithAlbumAndMbids() throws Exception {
        CollectingSink sink = Fixtures.parse(format, WITH_ALBUM);

        assertThat(sink.counts()).isEqualTo("3/0/2");
        assertThat(sink.failureReasons()).containsExactly("artist is missing", "uts is not a number of seconds: soon");
        IncomingListen airbag = sink.listens.getFirst();
        assertThat(airbag.credit().artist()).isEqualTo("Radiohead");
        assertThat(airbag.credit().title()).isEqualTo("Airbag");
        assertThat(airbag.credit().album()).isEqualTo("OK Computer");
        assertThat(airbag.listenedAtMs()).isEqualTo(1_612_100_700_000L);
        assertThat(airbag.stamp()).isEqualTo(TimeStamp.START);
        assertThat(airbag.durationPlayedMs()).isNull();
        assertThat(airbag.credit().lengthMs()).isNull();
        assertThat(airbag.credit().ids().recordingMbid()).isEqualTo("0a4a1b6c-5f3a-4c6e-9a9b-2f2d6e3b9b11");
        assertThat(airbag.credit().ids().artistMbids()).containsExactly("a74b1b7f-71a5-4011-9441-d0b5e4122711");
        assertThat(airbag.externalId()).isEqualTo("1612100700|Radiohead|Airbag");
        assertThat(sink.listens.get(2).credit().album()).isNull();
        assertThat(sink.rowNumbers).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void readsRowsWithoutAnAlbumColumn() throws Exception {
        CollectingSink sink = Fixtures.parse(format, WITHOUT_ALBUM);

        assertThat(sink.counts()).isEqualTo("2/0/1");
        assertThat(sink.failureReasons()).containsExactly("expected at least 3 columns uts,track,artist but found 2");
        assertThat(sink.listens).extracting(l -> l.credit().title()).containsExactly("Airbag", "Paranoid Android");
        assertThat(sink.listens).extracting(l -> l.credit().album()).containsOnlyNulls();
        assertThat(sink.listens.get(1).listenedAtMs()).isEqualTo(1_612_100_990_000L);
    }

    @Test
    void skipsCommentAndBlankLinesWithoutCountingThem() throws Exception {
        CollectingSink sink = Fixtures.parse(format, COMMENTS);

        assertThat(sink.counts()).isEqualTo("2/0/0");
        assertThat(sink.listens).extracting(l -> l.credit().title()).containsExactly("Airbag", "Paranoid Android");
        assertThat(sink.rowNumbers).containsExactly(4L, 6L);
    }

    @Test
    void readsTheCommaSeparatedQuotedCrlfRewrite() throws Exception {
        CollectingSink sink = Fixtures.parse(format, MALOJA);

        assertThat(sink.counts()).isEqualTo("3/0/0");
        IncomingListen live = sink.listens.get(2);
        assertThat(live.credit().artist()).isEqualTo("Crosby, Stills, Nash & Young");
        assertThat(live.credit().title()).isEqualTo("Teardrop, Live");
        assertThat(live.credit().album()).isEqualTo("Déjà Vu");
        assertThat(live.listenedAtMs()).isEqualTo(1_612_101_400_000L);
        assertThat(sink.listens.getFirst().externalId())
                .isEqualTo(Fixtures.parse(format, WITH_ALBUM).listens.getFirst().externalId());
    }

    @Test
    void detectsEveryVariantButNotOtherCsvs() {
        assertThat(Fixtures.detects(format, "exported_tracks.txt", WITH_ALBUM)).isTrue();
        assertThat(Fixtures.detects(format, "upload.tsv", WITHOUT_ALBUM)).isTrue();
        assertThat(Fixtures.detects(format, "upload.txt", COMMENTS)).isTrue();
        assertThat(Fixtures.detects(format, "upload.csv", MALOJA)).isTrue();
        assertThat(Fixtures.detects(format, ".scrobbler.log", "scrobbler_log/.scrobbler.log")).isFalse();
        assertThat(Fixtures.detects(format, "scrobbles.csv", "lastfm/ghan_scrobbles.csv")).isFalse();
        assertThat(Fixtures.detects(format, "scrobbles.csv", "lastfm/scrobbles.csv")).isFalse();
        assertThat(Fixtures.detects(format, "t.csv", "tonearm/tonearm-listens.csv")).isFalse();
    }
}
