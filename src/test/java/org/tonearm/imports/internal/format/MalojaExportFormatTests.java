package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tonearm.imports.ImportFileException;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.TimeStamp;

class MalojaExportFormatTests {

    private static final String EXPORT = "maloja/maloja_export_1675172712.json";
    private final MalojaExportFormat format = new MalojaExportFormat();

    @Test
    void importsV3AndV2ScrobblesAndFailsRowsWithoutArtistOrTime() throws Exception {
        CollectingSink sink = Fixtures.parse(format, EXPORT);

        assertThat(sink.counts()).isEqualTo("5/0/2");
        assertThat(sink.failureReasons()).containsExactly("artist is missing",
                "time is not a whole number: sometime");
    }

    @Test
    void keepsEveryCreditedArtistThePlayedDurationAndTheLength() throws Exception {
        IncomingListen stars = Fixtures.parse(format, EXPORT).listens.getFirst();

        assertThat(stars.credit().artists()).containsExactly("Kendrick Lamar", "SZA");
        assertThat(stars.credit().title()).isEqualTo("All the Stars");
        assertThat(stars.credit().album()).isEqualTo("Black Panther: The Album");
        assertThat(stars.credit().lengthMs()).isEqualTo(232_000L);
        assertThat(stars.durationPlayedMs()).isEqualTo(230_000L);
        assertThat(stars.listenedAtMs()).isEqualTo(1_675_000_000_000L);
        assertThat(stars.stamp()).isEqualTo(TimeStamp.START);
        assertThat(stars.extra()).containsEntry("maloja_origin", "client:navidrome");
        assertThat(stars.externalId()).isEqualTo("1675000000|Kendrick Lamar,SZA|All the Stars");
    }

    @Test
    void readsAlbumNamesAndFlatV2Rows() throws Exception {
        CollectingSink sink = Fixtures.parse(format, EXPORT);

        assertThat(sink.listens.get(1).credit().album()).isNull();
        assertThat(sink.listens.get(1).durationPlayedMs()).isNull();
        assertThat(sink.listens.get(2).credit().album()).isEqualTo("Homework");
        IncomingListen roads = sink.listens.get(3);
        assertThat(roads.credit().album()).isEqualTo("Dummy");
        assertThat(roads.credit().lengthMs()).isEqualTo(305_000L);
        assertThat(roads.durationPlayedMs()).isNull();
    }

    @Test
    void refusesAFileWithoutScrobbles() {
        byte[] other = "{\"maloja\":{}}".getBytes(StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.parseBytes(format, "m.json", other))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("scrobbles");
    }

    @Test
    void detectsMalojaExports() {
        assertThat(Fixtures.detects(format, "maloja_export.json", EXPORT)).isTrue();
        assertThat(Fixtures.detects(format, "x.json", "lastfm/recenttracks_page.json")).isFalse();
        byte[] plain = """
                {
                   "scrobbles": [
                      {
                         "time": 1675000000,
                         "track": {
                            "artists": [
                               "A"
                            ],
                            "title": "T"
                """.getBytes(StandardCharsets.UTF_8);
        assertThat(format.detect("upload.json", plain)).isTrue();
        assertThat(format.detect("maloja_export_2023_01_31_13_45_00.json", new byte[0])).isTrue();
    }
}
