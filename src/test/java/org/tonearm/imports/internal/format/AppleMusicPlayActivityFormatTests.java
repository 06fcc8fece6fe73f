package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

class AppleMusicPlayActivityFormatTests {

    private static final String OLDER = "apple_music/Apple Music Play Activity.csv";
    private static final String NEWER = "apple_music/Apple Music Play Activity 2023.csv";
    private final AppleMusicPlayActivityFormat format = new AppleMusicPlayActivityFormat();

    @Test
    void importsPlayEndEventsAndSkipsOtherEvents() throws Exception {
        CollectingSink sink = Fixtures.parse(format, OLDER);

        assertThat(sink.counts()).isEqualTo("4/2/3");
        assertThat(sink.skipReasons()).containsExactly("event PLAY_START is not a finished play",
                "event LYRIC_DISPLAY is not a finished play");
        assertThat(sink.failureReasons()).containsExactly(
                "Event Start Timestamp is not an ISO-8601 timestamp: 01.06.2019 12:00",
                "Play Duration Milliseconds is negative", "Song Name is missing");
    }

    @Test
    void mapsStartPlayedDurationLengthAndEndReason() throws Exception {
        CollectingSink sink = Fixtures.parse(format, OLDER);
        IncomingListen reckoner = sink.listens.getFirst();

        assertThat(reckoner.service()).isEqualTo(Service.APPLE_MUSIC);
        assertThat(reckoner.stamp()).isEqualTo(TimeStamp.START);
        assertThat(reckoner.listenedAtMs()).isEqualTo(Instant.parse("2019-03-01T10:00:00Z").toEpochMilli());
        assertThat(reckoner.durationPlayedMs()).isEqualTo(290_000L);
        assertThat(reckoner.credit().lengthMs()).isEqualTo(290_000L);
        assertThat(reckoner.credit().album()).isEqualTo("In Rainbows");
        assertThat(reckoner.extra()).containsEntry("end_reason_type", "NATURAL_END_OF_TRACK")
                .containsEntry("skipped", false);
        assertThat(reckoner.externalId()).startsWith("sha256:");
        IncomingListen nude = sink.listens.get(1);
        assertThat(nude.durationPlayedMs()).isEqualTo(5_000L);
        assertThat(nude.extra()).containsEntry("skipped", true);
        assertThat(sink.listens.get(2).credit().artist()).isEqualTo("Tyler, The Creator");
    }

    @Test
    void fallsBackToTheEndTimestampStampedAsEnd() throws Exception {
        IncomingListen lemon = Fixtures.parse(format, OLDER).listens.get(3);

        assertThat(lemon.credit().artist()).isEqualTo("米津玄師");
        assertThat(lemon.credit().title()).isEqualTo("Lemon 🍋");
        assertThat(lemon.stamp()).isEqualTo(TimeStamp.END);
        assertThat(lemon.listenedAtMs()).isEqualTo(Instant.parse("2019-06-01T12:04:15Z").toEpochMilli());
        assertThat(lemon.extra()).containsEntry("skipped", true);
    }

    @Test
    void readsTheContainerAndTrackDescriptionColumnsOfNewerExports() throws Exception {
        CollectingSink sink = Fixtures.parse(format, NEWER);

        assertThat(sink.counts()).isEqualTo("4/0/1");
        assertThat(sink.failureReasons()).containsExactly("Container Artist Name is missing");
        IncomingListen antiHero = sink.listens.getFirst();
        assertThat(antiHero.credit().artist()).isEqualTo("Taylor Swift");
        assertThat(antiHero.credit().title()).isEqualTo("Anti-Hero");
        assertThat(antiHero.credit().album()).isEqualTo("Midnights");
        assertThat(antiHero.listenedAtMs()).isEqualTo(Instant.parse("2023-01-31T13:45:00.500Z").toEpochMilli());
        assertThat(sink.listens.get(1).credit().artist()).isEqualTo("Sigur Rós");
        assertThat(sink.listens.get(1).credit().title()).isEqualTo("Svefn-g-englar");
        assertThat(sink.listens.get(2).durationPlayedMs()).isEqualTo(183_000L);
        assertThat(sink.listens.get(3).externalId()).isEqualTo(antiHero.externalId());
    }

    @Test
    void detectsByNameAndByHeader() {
        assertThat(Fixtures.detects(format, "Apple Music Activity/Apple Music Play Activity.csv", OLDER)).isTrue();
        assertThat(Fixtures.detects(format, "export.csv", OLDER)).isTrue();
        assertThat(Fixtures.detects(format, "export.csv", NEWER)).isTrue();
        assertThat(Fixtures.detects(format, "scrobbles.csv", "lastfm/scrobbles.csv")).isFalse();
    }
}
