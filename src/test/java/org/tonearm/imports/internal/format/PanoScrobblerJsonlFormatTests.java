package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.TimeStamp;

/** Pano Scrobbler's JSONL file log (docs/formats.md). */
class PanoScrobblerJsonlFormatTests {

    static final String LOG = "pano_scrobbler/pano_scrobbler_jsonl_scrobbles_and_loves.jsonl";
    private final PanoScrobblerJsonlFormat format = new PanoScrobblerJsonlFormat();

    @Test
    void readsScrobblesSkipsLovesAndReportsBrokenLines() throws Exception {
        CollectingSink sink = Fixtures.parse(format, LOG);

        assertThat(sink.counts()).isEqualTo("2/2/2");
        assertThat(sink.skipReasons()).containsExactly("a 'love' event, not a play", "a 'unlove' event, not a play");
        assertThat(sink.failureReasons()).hasSize(2);
        assertThat(sink.failureReasons().get(0)).startsWith("not valid JSON");
        assertThat(sink.failureReasons().get(1)).isEqualTo("timeMs is missing");
        assertThat(sink.rowNumbers).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void mapsTimeLengthAlbumAndPlayer() throws Exception {
        IncomingListen airbag = Fixtures.parse(format, LOG).listens.getFirst();

        assertThat(airbag.credit().artist()).isEqualTo("Radiohead");
        assertThat(airbag.credit().title()).isEqualTo("Airbag");
        assertThat(airbag.credit().album()).isEqualTo("OK Computer");
        assertThat(airbag.listenedAtMs()).isEqualTo(1_714_564_800_000L);
        assertThat(airbag.stamp()).isEqualTo(TimeStamp.START);
        assertThat(airbag.credit().lengthMs()).isEqualTo(284_000L);
        assertThat(airbag.durationPlayedMs()).isNull();
        assertThat(airbag.extra()).containsEntry("media_player", "VLC").containsEntry("album_artist", "Radiohead");
        assertThat(airbag.externalId()).isEqualTo("1714564800000|Radiohead|Airbag");
    }

    @Test
    void keepsNullAlbumAndLengthAsUnknown() throws Exception {
        IncomingListen andata = Fixtures.parse(format, LOG).listens.get(1);

        assertThat(andata.credit().artist()).isEqualTo("坂本龍一");
        assertThat(andata.credit().album()).isNull();
        assertThat(andata.credit().lengthMs()).isNull();
    }

    @Test
    void detectsTheLogButNotAListenBrainzExport() {
        assertThat(Fixtures.detects(format, "scrobbles.jsonl", LOG)).isTrue();
        assertThat(Fixtures.detects(format, "upload.txt", LOG)).isTrue();
        assertThat(Fixtures.detects(format, "1.jsonl", "listenbrainz/listens/2023/1.jsonl")).isFalse();
    }
}
