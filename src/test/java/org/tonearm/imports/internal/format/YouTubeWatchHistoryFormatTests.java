package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;

class YouTubeWatchHistoryFormatTests {

    private static final String HISTORY = "youtube_takeout/watch-history.json";
    private final YouTubeWatchHistoryFormat format = new YouTubeWatchHistoryFormat();

    @Test
    void importsOnlyYouTubeMusicPlays() throws Exception {
        CollectingSink sink = Fixtures.parse(format, HISTORY);

        assertThat(sink.counts()).isEqualTo("2/3/1");
        assertThat(sink.skipReasons()).containsExactly("not a YouTube Music play",
                "video no longer available (no channel)", "not a watched track");
        assertThat(sink.failureReasons()).containsExactly("time is not an ISO-8601 timestamp: last tuesday");
    }

    @Test
    void takesTheArtistFromTheChannelWithoutTopicAndTheTitleWithoutWatched() throws Exception {
        CollectingSink sink = Fixtures.parse(format, HISTORY);
        IncomingListen midnightCity = sink.listens.getFirst();

        assertThat(midnightCity.credit().artist()).isEqualTo("M83");
        assertThat(midnightCity.credit().title()).isEqualTo("Midnight City");
        assertThat(midnightCity.service()).isEqualTo(Service.YOUTUBE_MUSIC);
        assertThat(midnightCity.listenedAtMs()).isEqualTo(1_675_172_712_345L);
        assertThat(midnightCity.externalId())
                .isEqualTo("2023-01-31T13:45:12.345Z|https://music.youtube.com/watch?v=dX3k_QDnzHE");
        assertThat(sink.listens.get(1).credit().title()).isEqualTo("紅蓮華");
        assertThat(sink.listens.get(1).credit().artist()).isEqualTo("LiSA");
    }

    @Test
    void detectsTakeoutHistory() {
        assertThat(Fixtures.detects(format, "Takeout/YouTube and YouTube Music/history/watch-history.json",
                HISTORY)).isTrue();
        assertThat(Fixtures.detects(format, "history.json", HISTORY)).isTrue();
        assertThat(Fixtures.detects(format, "x.json", "spotify_account/StreamingHistory0.json")).isFalse();
        byte[] searches = ("[{\"header\":\"YouTube\",\"title\":\"Searched for lofi\",\"titleUrl\":"
                + "\"https://www.youtube.com/results?search_query=lofi\",\"time\":\"2023-01-31T13:45:12Z\"}]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(format.detect("Takeout/YouTube and YouTube Music/history/search-history.json", searches)).isFalse();
    }
}
