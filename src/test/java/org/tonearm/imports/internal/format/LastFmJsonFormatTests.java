package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.listens.IncomingListen;

class LastFmJsonFormatTests {

    private static final String PAGE = "lastfm/recenttracks_page.json";
    private static final String PAGES = "lastfm/recenttracks_pages.json";
    private final LastFmJsonFormat format = new LastFmJsonFormat();

    @Test
    void skipsTheNowPlayingTrackAndFailsUndatedOnes() throws Exception {
        CollectingSink sink = Fixtures.parse(format, PAGE);

        assertThat(sink.counts()).isEqualTo("2/1/1");
        assertThat(sink.skipReasons()).containsExactly("now playing, not a finished scrobble");
        assertThat(sink.failureReasons()).containsExactly("date.uts is missing");
    }

    @Test
    void readsPlainAndExtendedArtistsWithMbids() throws Exception {
        CollectingSink sink = Fixtures.parse(format, PAGE);
        IncomingListen humanRange = sink.listens.getFirst();

        assertThat(humanRange.credit().artist()).isEqualTo("Nils Frahm");
        assertThat(humanRange.credit().album()).isEqualTo("All Melody");
        assertThat(humanRange.listenedAtMs()).isEqualTo(1_612_100_700_000L);
        assertThat(humanRange.credit().ids().recordingMbid()).isEqualTo("5f3b3bd3-4a1b-4c77-9d3a-8c4d2f0e1a11");
        assertThat(humanRange.credit().ids().artistMbids()).containsExactly("8d07ac81-0b49-4ec3-9402-2b8b479649a2");
        assertThat(humanRange.externalId()).isEqualTo("1612100700|Nils Frahm|Human Range");
        IncomingListen hoppipolla = sink.listens.get(1);
        assertThat(hoppipolla.credit().artist()).isEqualTo("Sigur Rós");
        assertThat(hoppipolla.credit().album()).isNull();
    }

    @Test
    void readsAnArrayOfPagesIncludingASingleTrackPage() throws Exception {
        CollectingSink sink = Fixtures.parse(format, PAGES);

        assertThat(sink.counts()).isEqualTo("2/0/1");
        assertThat(sink.failureReasons()).containsExactly("date.uts is in the future");
        assertThat(sink.rowNumbers).containsExactly(1L, 2L, 3L);
    }

    @Test
    void detectsRecentTracksPages() {
        assertThat(Fixtures.detects(format, "lastfm-page-1.json", PAGE)).isTrue();
        assertThat(Fixtures.detects(format, "backup.json", PAGES)).isTrue();
        assertThat(Fixtures.detects(format, "listens.json", "listenbrainz/listens.json")).isFalse();
    }
}
