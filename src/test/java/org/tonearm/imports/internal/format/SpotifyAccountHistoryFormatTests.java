package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

class SpotifyAccountHistoryFormatTests {

    private static final String MUSIC = "spotify_account/StreamingHistory_music_0.json";
    private static final String PODCAST = "spotify_account/StreamingHistory_podcast_0.json";
    private static final String OLD = "spotify_account/StreamingHistory0.json";
    private final SpotifyAccountHistoryFormat format = new SpotifyAccountHistoryFormat();

    @Test
    void importsMusicRowsAndFailsBadDatesAndMissingArtists() throws Exception {
        CollectingSink sink = Fixtures.parse(format, MUSIC);

        // BTS played for 0 ms is no play: skipped, not failed (the funnel's sanity gate refuses durations <= 0)
        assertThat(sink.counts()).isEqualTo("3/1/2");
        assertThat(sink.failureReasons()).containsExactly("endTime is not a valid date: 2023-31-01 13:55",
                "artistName is missing");
    }

    @Test
    void stampsTheEndMinuteInUtcWithThePlayedDuration() throws Exception {
        CollectingSink sink = Fixtures.parse(format, MUSIC);
        IncomingListen freefall = sink.listens.getFirst();

        assertThat(freefall.stamp()).isEqualTo(TimeStamp.END);
        assertThat(freefall.listenedAtMs()).isEqualTo(Instant.parse("2023-01-31T13:45:00Z").toEpochMilli());
        assertThat(freefall.durationPlayedMs()).isEqualTo(152_293L);
        assertThat(freefall.service()).isEqualTo(Service.SPOTIFY);
        assertThat(freefall.externalId()).startsWith("sha256:").isEqualTo(sink.listens.get(2).externalId());
        assertThat(sink.listens).extracting(l -> l.credit().artist()).doesNotContain("BTS (방탄소년단)");
    }

    @Test
    void skipsPodcastFilesAndPodcastRows() throws Exception {
        assertThat(Fixtures.parse(format, PODCAST).counts()).isEqualTo("0/1/0");
        assertThat(Fixtures.parse(format, OLD).counts()).isEqualTo("1/1/0");
    }

    @Test
    void detectsAccountHistoryButNotExtendedHistory() {
        assertThat(Fixtures.detects(format, "MyData/StreamingHistory_music_0.json", MUSIC)).isTrue();
        assertThat(Fixtures.detects(format, "MyData/StreamingHistory0.json", OLD)).isTrue();
        assertThat(Fixtures.detects(format, "upload.json", MUSIC)).isTrue();
        assertThat(Fixtures.detects(format, "Streaming_History_Audio_2023_1.json",
                "spotify_extended/Streaming_History_Audio_2023_1.json")).isFalse();
    }
}
