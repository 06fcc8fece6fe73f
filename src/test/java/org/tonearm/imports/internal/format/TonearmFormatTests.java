package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

class TonearmFormatTests {

    private static final String CSV = "tonearm/tonearm-listens.csv";
    private static final String JSON = "tonearm/tonearm-listens.json";
    private final TonearmCsvFormat csv = new TonearmCsvFormat();
    private final TonearmJsonFormat json = new TonearmJsonFormat();

    @Test
    void readsTheCsvAndNamesTheFieldOfEachBadRow() throws Exception {
        CollectingSink sink = Fixtures.parse(csv, CSV);

        assertThat(sink.counts()).isEqualTo("4/0/3");
        assertThat(sink.failureReasons()).satisfiesExactly(
                r -> assertThat(r).isEqualTo("listened_at is not an ISO-8601 timestamp: 2024-05-01 12:30"),
                r -> assertThat(r).startsWith("service is not one of"),
                r -> assertThat(r).isEqualTo("duration_played_ms is longer than 24 days"));
    }

    @Test
    void keepsEveryColumnOfTheCsv() throws Exception {
        CollectingSink sink = Fixtures.parse(csv, CSV);
        IncomingListen boxer = sink.listens.getFirst();

        assertThat(boxer.listenedAtMs()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z").toEpochMilli());
        assertThat(boxer.stamp()).isEqualTo(TimeStamp.START);
        assertThat(boxer.credit().artist()).isEqualTo("Simon & Garfunkel");
        assertThat(boxer.credit().artists()).containsExactly("Simon & Garfunkel");
        assertThat(boxer.durationPlayedMs()).isEqualTo(308_000L);
        assertThat(boxer.credit().lengthMs()).isEqualTo(308_000L);
        assertThat(boxer.service()).isEqualTo(Service.SPOTIFY);
        assertThat(boxer.externalId()).isEqualTo("2024-05-01T12:03:08Z|spotify:track:76TZCvJ8GitQ2FA1q5fKKD");
        IncomingListen came = sink.listens.get(1);
        assertThat(came.credit().artists()).containsExactly("Calvin Harris", "Rihanna");
        assertThat(came.credit().album()).isNull();
        assertThat(came.client()).isEqualTo("Tonearm Web");
        assertThat(came.externalId()).startsWith("sha256:");
        IncomingListen aimer = sink.listens.get(2);
        assertThat(aimer.credit().title()).isEqualTo("残響散歌, \"Zankyosanka\"");
        assertThat(aimer.listenedAtMs()).isEqualTo(1_714_565_400_000L);
        assertThat(aimer.externalId()).isEqualTo("row-3");
        assertThat(sink.listens.get(3).externalId()).isEqualTo(boxer.externalId());
    }

    @Test
    void readsTheJsonListenInShape() throws Exception {
        CollectingSink sink = Fixtures.parse(json, JSON);

        assertThat(sink.counts()).isEqualTo("3/0/3");
        assertThat(sink.failureReasons()).containsExactly("artist contains a NUL character",
                "listened_at is missing", "track_length_ms is negative");
        IncomingListen boxer = sink.listens.getFirst();
        assertThat(boxer.extra()).containsEntry("reason_end", "trackdone").containsEntry("skipped", false);
        assertThat(boxer.client()).isNull();
        assertThat(sink.listens.get(1).listenedAtMs()).isEqualTo(1_714_565_400_000L);
        assertThat(sink.listens.get(1).credit().artists()).containsExactly("Calvin Harris", "Rihanna");
        IncomingListen aimer = sink.listens.get(2);
        assertThat(aimer.listenedAtMs()).isEqualTo(Instant.parse("2024-05-01T04:00:00Z").toEpochMilli());
        assertThat(aimer.service()).isEqualTo(Service.YOUTUBE_MUSIC);
    }

    @Test
    void readsACsvWhoseColumnsAreReorderedAndWhoseOptionalColumnsAreAbsent() throws Exception {
        String layout = "tonearm/tonearm_csv_columns_reordered_optional_absent.csv";
        CollectingSink sink = Fixtures.parse(csv, layout);

        assertThat(sink.counts()).isEqualTo("2/0/0");
        assertThat(sink.listens).extracting(l -> java.time.Instant.ofEpochMilli(l.listenedAtMs()) + "|"
                + l.credit().artist() + "|" + l.credit().title() + "|" + l.credit().album())
                .containsExactly("2024-05-01T12:00:00Z|Simon & Garfunkel|The Boxer|Bridge over Troubled Water",
                        "2024-05-01T12:10:00Z|Earth, Wind & Fire|September|null");
        assertThat(Fixtures.detects(csv, "upload.csv", layout)).isTrue();
        assertThat(csv.detect("x.csv", "listened_at,artist,album\n2024-05-01T12:00:00Z,A,B\n".getBytes())).isFalse();
    }

    @Test
    void detectsBothOwnFormats() {
        assertThat(Fixtures.detects(csv, "tonearm-listens.csv", CSV)).isTrue();
        assertThat(Fixtures.detects(json, "tonearm-listens.json", JSON)).isTrue();
        assertThat(Fixtures.detects(json, "listens.json", "listenbrainz/listens.json")).isFalse();
        assertThat(Fixtures.detects(csv, "scrobbles.csv", "lastfm/ghan_scrobbles.csv")).isFalse();
    }
}
