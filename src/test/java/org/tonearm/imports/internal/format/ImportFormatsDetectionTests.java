package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportFormats;

/** Automatic detection (docs/api.md#imports-and-exports) over every fixture, as an upload (neutral name) and as its real file name. */
class ImportFormatsDetectionTests {

    private final ImportFormats formats = new ImportFormats(List.of(new TonearmCsvFormat(), new LastFmCsvFormat(),
            new ScrobblerLogFormat(), new AppleMusicPlayActivityFormat(), new TonearmJsonFormat(),
            new YouTubeWatchHistoryFormat(), new MalojaExportFormat(), new LastFmJsonFormat(),
            new ListenBrainzExportFormat(), new SpotifyAccountHistoryFormat(), new SpotifyExtendedHistoryFormat(),
            new LibreFmCsvFormat(), new PanoScrobblerJsonlFormat(), new SpinitronCsvFormat()));

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource({
            "spotify_extended/Streaming_History_Audio_2023_1.json, Streaming_History_Audio_2023_1.json, spotify_extended",
            "spotify_extended/endsong_0.json, endsong_0.json, spotify_extended",
            "spotify_account/StreamingHistory_music_0.json, StreamingHistory_music_0.json, spotify_account",
            "spotify_account/StreamingHistory_podcast_0.json, StreamingHistory_podcast_0.json, spotify_account",
            "spotify_account/StreamingHistory0.json, StreamingHistory0.json, spotify_account",
            "listenbrainz/listens/2023/1.jsonl, listens/2023/1.jsonl, listenbrainz",
            "listenbrainz/listens.json, listens.json, listenbrainz",
            "lastfm/ghan_scrobbles.csv, scrobbles.csv, lastfm_csv",
            "lastfm/scrobbles.csv, scrobbles.csv, lastfm_csv",
            "lastfm/lastfm_csv_header_artist_name_track_name_timestamp.csv, scrobbles.csv, lastfm_csv",
            "lastfm/lastfm_csv_columns_reordered.csv, scrobbles.csv, lastfm_csv",
            "lastfm/lastfm_csv_utc_time_only.csv, scrobbles.csv, lastfm_csv",
            "lastfm/lastfm_csv_uts_and_utc_time.csv, scrobbles.csv, lastfm_csv",
            "lastfm/lastfm_csv_track_album_artist_time.csv, scrobbles.csv, lastfm_csv",
            "lastfm/lastfm_csv_artist_album_name_date.csv, scrobbles.csv, lastfm_csv",
            "lastfm/recenttracks_page.json, recenttracks-1.json, lastfm_json",
            "lastfm/recenttracks_pages.json, recenttracks.json, lastfm_json",
            "maloja/maloja_export_1675172712.json, maloja_export_1675172712.json, maloja",
            "apple_music/Apple Music Play Activity.csv, Apple Music Play Activity.csv, apple_music",
            "apple_music/Apple Music Play Activity 2023.csv, Apple Music Play Activity.csv, apple_music",
            "youtube_takeout/watch-history.json, watch-history.json, youtube_takeout",
            "scrobbler_log/.scrobbler.log, .scrobbler.log, scrobbler_log",
            "tonearm/tonearm-listens.csv, tonearm-listens.csv, tonearm_csv",
            "tonearm/tonearm_csv_columns_reordered_optional_absent.csv, listens.csv, tonearm_csv",
            "tonearm/tonearm-listens.json, tonearm-listens.json, tonearm_json",
            "librefm/librefm_csv_with_album.tsv, exported_tracks.txt, librefm_csv",
            "librefm/librefm_csv_without_album.tsv, exported_tracks.txt, librefm_csv",
            "librefm/librefm_csv_with_comment_lines.tsv, exported_tracks.txt, librefm_csv",
            "librefm/librefm_csv_reexported_by_maloja.csv, librefm.csv, librefm_csv",
            "pano_scrobbler/pano_scrobbler_jsonl_scrobbles_and_loves.jsonl, scrobbles.jsonl, pano_scrobbler",
            "spinitron/spinitron_csv_playlist_with_heading_rows.csv, playlist.csv, spinitron_csv",
            "spinitron/spinitron_csv_search_export_with_date_column.csv, spins.csv, spinitron_csv",
    })
    void detectsEachFixtureByNameAndByContent(String fixture, String realName, String expectedId) {
        assertThat(detect(realName, fixture)).map(ImportFormat::id).contains(expectedId);
        String neutral = "upload" + realName.substring(realName.lastIndexOf('.'));
        if (!fixture.equals("lastfm/scrobbles.csv")) { // only the header-less Last.fm CSV needs its .csv name
            assertThat(detect(neutral, fixture)).map(ImportFormat::id).contains(expectedId);
        }
    }

    @Test
    void findsNoFormatForUnrelatedFiles() {
        assertThat(formats.detect("notes.txt", "hello world".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(formats.detect("data.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(formats.detect("empty.csv", new byte[0])).isEmpty();
        assertThat(formats.detect(null, null)).isEmpty();
        assertThat(formats.detect("unknown.csv", Fixtures.bytes("unknown_csv_without_header.csv"))).isEmpty();
    }

    /** Each new fixture is read by exactly one format: no other format claims it (detection order aside). */
    @ParameterizedTest(name = "only {1} reads {0}")
    @CsvSource({
            "lastfm/lastfm_csv_header_artist_name_track_name_timestamp.csv, lastfm_csv",
            "lastfm/lastfm_csv_columns_reordered.csv, lastfm_csv",
            "lastfm/lastfm_csv_utc_time_only.csv, lastfm_csv",
            "lastfm/lastfm_csv_uts_and_utc_time.csv, lastfm_csv",
            "lastfm/lastfm_csv_track_album_artist_time.csv, lastfm_csv",
            "lastfm/lastfm_csv_artist_album_name_date.csv, lastfm_csv",
            "tonearm/tonearm_csv_columns_reordered_optional_absent.csv, tonearm_csv",
            "librefm/librefm_csv_with_album.tsv, librefm_csv",
            "librefm/librefm_csv_without_album.tsv, librefm_csv",
            "librefm/librefm_csv_with_comment_lines.tsv, librefm_csv",
            "librefm/librefm_csv_reexported_by_maloja.csv, librefm_csv",
            "pano_scrobbler/pano_scrobbler_jsonl_scrobbles_and_loves.jsonl, pano_scrobbler",
            "spinitron/spinitron_csv_playlist_with_heading_rows.csv, spinitron_csv",
            "spinitron/spinitron_csv_search_export_with_date_column.csv, spinitron_csv",
    })
    void noOtherFormatClaimsTheNewFixtures(String fixture, String expectedId) {
        byte[] content = Fixtures.bytes(fixture);
        String name = "upload" + fixture.substring(fixture.lastIndexOf('.'));
        assertThat(formats.all()).filteredOn(f -> f.detect(name, content)).extracting(ImportFormat::id)
                .containsExactly(expectedId);
    }

    @Test
    void looksFormatsUpById() {
        assertThat(formats.byId("spotify_extended")).map(ImportFormat::id).contains("spotify_extended");
        assertThat(formats.byId("nope")).isEmpty();
        assertThat(formats.all()).extracting(ImportFormat::id).startsWith("spotify_extended", "spotify_account")
                .endsWith("lastfm_csv", "librefm_csv").doesNotHaveDuplicates().hasSize(14);
    }

    private Optional<ImportFormat> detect(String fileName, String fixture) {
        byte[] content = Fixtures.bytes(fixture);
        return formats.detect(fileName, java.util.Arrays.copyOf(content, Math.min(content.length, 64 * 1024)));
    }
}
