package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tonearm.imports.ImportFileException;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

class SpotifyExtendedHistoryFormatTests {

    private static final String AUDIO = "spotify_extended/Streaming_History_Audio_2023_1.json";
    private static final String ENDSONG = "spotify_extended/endsong_0.json";
    private final SpotifyExtendedHistoryFormat format = new SpotifyExtendedHistoryFormat();

    @Test
    void importsMusicSkipsPodcastsAudiobooksVideosAndIncognitoAndFailsBadRows() throws Exception {
        CollectingSink sink = Fixtures.parse(format, AUDIO);

        assertThat(sink.counts()).isEqualTo("3/4/3");
        assertThat(sink.skipReasons()).containsExactly("podcast episode", "played in a private (incognito) session",
                "audiobook", "not a music track (no track name)");
        assertThat(sink.failureReasons()).containsExactly("ts is not an ISO-8601 timestamp: 31/01/2023 13:45",
                "ms_played is negative", "ts is in the future");
        assertThat(sink.failures.getFirst().rawRow()).contains("Bad Date");
    }

    @Test
    void stampsTheEndOfPlaybackWithThePlayedDuration() throws Exception {
        IncomingListen heroes = Fixtures.parse(format, AUDIO).listens.getFirst();

        assertThat(heroes.stamp()).isEqualTo(TimeStamp.END);
        assertThat(heroes.listenedAtMs()).isEqualTo(Instant.parse("2023-01-31T13:45:12Z").toEpochMilli());
        assertThat(heroes.durationPlayedMs()).isEqualTo(215_000L);
        assertThat(heroes.service()).isEqualTo(Service.SPOTIFY);
        assertThat(heroes.origin()).isEqualTo("spotify_extended");
        assertThat(heroes.client()).isNull();
        assertThat(heroes.credit().artist()).isEqualTo("David Bowie");
        assertThat(heroes.credit().title()).isEqualTo("Heroes - 2017 Remaster");
        assertThat(heroes.credit().album()).isEqualTo("\"Heroes\" (2017 Remaster)");
        assertThat(heroes.credit().ids().spotifyId()).isEqualTo("7Jh1bpe76CNTCgdgAdBw4Z");
        assertThat(heroes.externalId()).isEqualTo("2023-01-31T13:45:12Z|spotify:track:7Jh1bpe76CNTCgdgAdBw4Z");
        assertThat(heroes.extra()).containsEntry("reason_end", "trackdone").containsEntry("skipped", false)
                .containsEntry("platform", "android");
        assertThat(heroes.raw()).contains("\"ms_played\":215000");
    }

    @Test
    void keepsSkipFlagsAndUnicodeNames() throws Exception {
        IncomingListen skipped = Fixtures.parse(format, AUDIO).listens.get(1);

        assertThat(skipped.credit().title()).isEqualTo("夜に駆ける");
        assertThat(skipped.credit().album()).isEqualTo("THE BOOK 🎧");
        assertThat(skipped.durationPlayedMs()).isEqualTo(12_000L);
        assertThat(skipped.extra()).containsEntry("skipped", true).containsEntry("reason_end", "fwdbtn")
                .containsEntry("shuffle", true);
    }

    @Test
    void givesADuplicatedRowTheSameExternalIdSoReimportsAddNothing() throws Exception {
        CollectingSink sink = Fixtures.parse(format, AUDIO);

        assertThat(sink.listens.get(2).externalId()).isEqualTo(sink.listens.getFirst().externalId());
    }

    @Test
    void readsTheOlderEndsongFiles() throws Exception {
        CollectingSink sink = Fixtures.parse(format, ENDSONG);

        assertThat(sink.counts()).isEqualTo("1/1/0");
        assertThat(sink.listens.getFirst().credit().artist()).isEqualTo("ABBA");
    }

    @Test
    void readsAFileWithAByteOrderMarkAndCrlfLineEnds() throws Exception {
        String withCrlf = new String(Fixtures.bytes(ENDSONG), StandardCharsets.UTF_8).replace("},{", "},\r\n{");
        byte[] content = ("\uFEFF" + withCrlf).getBytes(StandardCharsets.UTF_8);

        assertThat(Fixtures.parseBytes(format, "endsong_0.json", content).counts()).isEqualTo("1/1/0");
        assertThat(format.detect("upload.json", content)).isTrue();
    }

    @Test
    void refusesAFileThatIsNotAJsonArray() {
        byte[] object = "{\"ts\":\"2023-01-31T13:45:12Z\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Fixtures.parseBytes(format, "x.json", object))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("JSON array");
    }

    @Test
    void reportsTheRowsBeforeATruncationThenRefusesTheRest() throws Exception {
        byte[] content = Fixtures.bytes(ENDSONG);
        byte[] cut = java.util.Arrays.copyOf(content, content.length / 2 + 200);
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> format.parse(new java.io.ByteArrayInputStream(cut),
                new org.tonearm.imports.ImportContext(1, "endsong_0.json"), sink))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("not valid JSON");
        assertThat(sink.counts()).isEqualTo("1/0/0");
    }

    @Test
    void detectsByFileNameAndByContent() {
        assertThat(Fixtures.detects(format, "Spotify Extended Streaming History/Streaming_History_Audio_2023_1.json",
                AUDIO)).isTrue();
        assertThat(Fixtures.detects(format, "MyData/endsong_0.json", ENDSONG)).isTrue();
        assertThat(Fixtures.detects(format, "upload.json", AUDIO)).isTrue();
        assertThat(format.detect("upload.json", "[{\"endTime\":\"2023-01-31 13:45\",\"msPlayed\":1}]"
                .getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(format.detect(null, new byte[0])).isFalse();
    }
}
