package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

class ScrobblerLogFormatTests {

    private static final String LOG = "scrobbler_log/.scrobbler.log";
    private final ScrobblerLogFormat format = new ScrobblerLogFormat();

    @Test
    void importsListenedRowsSkipsSkippedOnesAndFailsBrokenLines() throws Exception {
        CollectingSink sink = Fixtures.parse(format, LOG);

        assertThat(sink.counts()).isEqualTo("4/1/3");
        assertThat(sink.skipReasons()).containsExactly("skipped on the device (rating S)");
        assertThat(sink.failureReasons()).containsExactly("expected at least 7 tab-separated fields but found 3",
                "rating must be L or S but is X", "timestamp is not a number of seconds: abc");
        assertThat(sink.rowNumbers).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void mapsStartLengthMbidAndLocalService() throws Exception {
        CollectingSink sink = Fixtures.parse(format, LOG);
        IncomingListen teardrop = sink.listens.getFirst();

        assertThat(teardrop.credit().artist()).isEqualTo("Massive Attack");
        assertThat(teardrop.credit().album()).isEqualTo("Mezzanine");
        assertThat(teardrop.credit().lengthMs()).isEqualTo(330_000L);
        assertThat(teardrop.credit().ids().recordingMbid()).isEqualTo("2b1b2d6d-3b2f-4d8f-9b4e-1c2d3e4f5a6b");
        assertThat(teardrop.listenedAtMs()).isEqualTo(1_612_100_700_000L);
        assertThat(teardrop.stamp()).isEqualTo(TimeStamp.START);
        assertThat(teardrop.service()).isEqualTo(Service.LOCAL);
        assertThat(teardrop.durationPlayedMs()).isNull();
        assertThat(teardrop.externalId()).isEqualTo("1612100700|Massive Attack|Teardrop")
                .isEqualTo(sink.listens.get(2).externalId());
        assertThat(sink.listens.get(1).credit().title()).isEqualTo("zure 🌀");
        assertThat(sink.listens.get(3).credit().ids().recordingMbid()).isNull();
    }

    @Test
    void detectsTheLogByNameOrHeader() {
        assertThat(Fixtures.detects(format, "IPOD/.scrobbler.log", LOG)).isTrue();
        assertThat(Fixtures.detects(format, "backup.txt", LOG)).isTrue();
        assertThat(Fixtures.detects(format, "x.csv", "lastfm/scrobbles.csv")).isFalse();
    }
}
