package org.tonearm.compat.lastfm;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonearm.compat.Golden;
import org.tonearm.compat.lastfm.LastfmChartResponses.ChartAlbum;
import org.tonearm.compat.lastfm.LastfmChartResponses.ChartArtist;
import org.tonearm.compat.lastfm.LastfmChartResponses.ChartTrack;
import org.tonearm.compat.lastfm.LastfmChartResponses.Page;
import org.tonearm.compat.lastfm.LastfmChartResponses.Week;

/** The chart responses (top lists, weekly charts) in XML and JSON against golden files. */
class LastfmChartGoldenTests {

    private static void both(String name, Lfm body) {
        Golden.assertMatches("lastfm/" + name + ".xml", LfmWriter.xmlOk(body));
        Golden.assertMatches("lastfm/" + name + ".json", LfmWriter.jsonOk(body));
    }

    @Test
    void topArtistsRanksFromThePagesFirstPosition() {
        both("top_artists", LastfmChartResponses.topArtists(new Page("alice", 2, 2, 5), List.of(
                new ChartArtist("Dream Theater", "28503ab7-8bf2-4666-a7bd-2644bfc7cb1d", 7),
                new ChartArtist("Simon & Garfunkel", null, 3))));
    }

    @Test
    void aSingleArtistIsStillAnArray() {
        both("top_artists_single", LastfmChartResponses.topArtists(new Page("alice", 1, 50, 1), List.of(
                new ChartArtist("Solo", null, 1))));
    }

    @Test
    void topArtistsEmpty() {
        both("top_artists_empty", LastfmChartResponses.topArtists(new Page("alice", 1, 50, 0), List.of()));
    }

    @Test
    void topTracksCarryDurationAndArtist() {
        both("top_tracks", LastfmChartResponses.topTracks(new Page("alice", 1, 50, 2), List.of(
                new ChartTrack("Hey Jude", null, 431, 4, "The Beatles", null),
                new ChartTrack("Unknown Length", null, 0, 1, "Someone <X>", null))));
    }

    @Test
    void topAlbumsCarryTheirArtist() {
        both("top_albums", LastfmChartResponses.topAlbums(new Page("alice", 1, 50, 1), List.of(
                new ChartAlbum("Abbey Road", null, 9, "The Beatles", null))));
    }

    @Test
    void weeklyChartListNamesEveryWeek() {
        both("weekly_chart_list", LastfmChartResponses.weeklyChartList("alice", List.of(
                new Week(1_714_348_800L, 1_714_953_600L), new Week(1_714_953_600L, 1_715_558_400L))));
    }

    @Test
    void weeklyArtistChartNamesItsWeek() {
        both("weekly_artist_chart", LastfmChartResponses.weeklyArtistChart("alice",
                new Week(1_714_348_800L, 1_714_953_600L), List.of(new ChartArtist("Dream Theater", null, 17))));
    }
}
