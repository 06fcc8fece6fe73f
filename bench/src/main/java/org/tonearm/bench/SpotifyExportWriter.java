package org.tonearm.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a generated history as Spotify's download {@code my_spotify_data.zip}: folder
 * {@code Spotify Extended Streaming History/} with {@code Streaming_History_Audio_<years>_<n>.json} files of at most
 * 15,000 rows or 12 MB each (named by the years their rows span and a running index), a few
 * {@code Streaming_History_Video_<years>.json} files (video podcasts) and the {@code ReadMeFirst} PDF; every file a
 * JSON array pretty-printed as Spotify writes it (two-space indent, {@code "key": value}). Streams: one file's
 * bytes at a time are held in memory.
 */
final class SpotifyExportWriter {

    /** Part of the cached zip's name: bump it when the generated content changes. */
    static final String VERSION = "v1";
    static final String FOLDER = "Spotify Extended Streaming History/";
    static final int ROWS_PER_FILE = 15_000;
    static final int BYTES_PER_FILE = 12 * 1024 * 1024;
    /** The history ends when the export was requested; it starts earlier the more rows there are (~150 a day). */
    static final long LAST_DAY = LocalDate.of(2026, 6, 1).toEpochDay();
    private static final long VIDEO_FROM = LocalDate.of(2019, 6, 1).toEpochDay();
    private static final int VIDEO_FILES = 3;

    /** What was written: row counts by what the import will do with them, and sizes. */
    record Summary(long rows, long audioRows, long videoRows, int audioFiles, int videoFiles,
            Map<SpotifyPlay.Kind, Long> kinds, long musicSkips, long jsonBytes, long zipBytes, String firstDay) {

        String describe() {
            return String.format(Locale.ROOT, "export: rows=%d audio_rows=%d video_rows=%d audio_files=%d video_files=%d"
                    + " music=%d incognito=%d podcast=%d audiobook=%d no_track=%d music_skips_under_30s=%d"
                    + " json_mb=%.1f zip_mb=%.1f from=%s", rows, audioRows, videoRows, audioFiles, videoFiles,
                    kinds.get(SpotifyPlay.Kind.MUSIC), kinds.get(SpotifyPlay.Kind.INCOGNITO),
                    kinds.get(SpotifyPlay.Kind.PODCAST), kinds.get(SpotifyPlay.Kind.AUDIOBOOK),
                    kinds.get(SpotifyPlay.Kind.NO_TRACK), musicSkips, jsonBytes / 1e6, zipBytes / 1e6, firstDay);
        }
    }

    private static final ObjectWriter SPOTIFY_STYLE = JsonMapper.builder().build().writer().with(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private final Map<SpotifyPlay.Kind, Long> kinds = new EnumMap<>(SpotifyPlay.Kind.class);
    private final Set<String> names = new HashSet<>();
    private long musicSkips;
    private long jsonBytes;

    /** {@code rows} rows in all (audio and video files) for one listener over {@code catalog}. */
    static Summary write(Path zip, SyntheticCatalog catalog, long rows, long seed) throws IOException {
        return new SpotifyExportWriter().writeZip(zip, catalog, rows, seed);
    }

    private Summary writeZip(Path zip, SyntheticCatalog catalog, long rows, long seed) throws IOException {
        for (SpotifyPlay.Kind k : SpotifyPlay.Kind.values()) {
            kinds.put(k, 0L);
        }
        long days = Math.clamp(rows / 150, 365, 17 * 365);
        long firstDay = LAST_DAY - days;
        long videoRows = Math.min(rows / 10, Math.max(VIDEO_FILES, rows * 3 / 1000));
        long audioRows = rows - videoRows;
        SpotifyListener listener = new SpotifyListener(catalog, new SpotifyShows(seed + 7), firstDay, LAST_DAY,
                audioRows, seed);
        Path partial = zip.resolveSibling(zip.getFileName() + ".part");
        int audioFiles = 0;
        int videoFiles = 0;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
            entry(out, FOLDER + "ReadMeFirst_ExtendedStreamingHistory.pdf", readMe());
            for (long done = 0; done < audioRows; audioFiles++) {
                FileBuffer file = new FileBuffer();
                while (done < audioRows && file.rows < ROWS_PER_FILE && file.bytes.size() < BYTES_PER_FILE) {
                    file.add(listener.next());
                    done++;
                }
                entry(out, FOLDER + "Streaming_History_Audio_" + file.years() + "_" + audioFiles + ".json", file.close());
            }
            long videoFirst = Math.max(firstDay, VIDEO_FROM) * ListenerStream.DAY_MS;
            double step = (double) (LAST_DAY * ListenerStream.DAY_MS - videoFirst) / Math.max(1, videoRows);
            for (long done = 0; done < videoRows; videoFiles++) {
                FileBuffer file = new FileBuffer();
                long perFile = (videoRows + VIDEO_FILES - 1) / VIDEO_FILES;
                for (long i = 0; i < perFile && done < videoRows; i++, done++) {
                    file.add(listener.videoRow(videoFirst + (long) ((done + 0.5) * step)));
                }
                entry(out, FOLDER + "Streaming_History_Video_" + file.years() + ".json", file.close());
            }
        }
        Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING);
        return new Summary(rows, audioRows, videoRows, audioFiles, videoFiles, kinds, musicSkips, jsonBytes,
                Files.size(zip), LocalDate.ofEpochDay(firstDay).toString());
    }

    private void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        String unique = name;
        for (int n = 1; !names.add(unique); n++) {
            unique = name.replace(".json", "_" + n + ".json");
        }
        out.putNextEntry(new ZipEntry(unique));
        out.write(bytes);
        out.closeEntry();
    }

    /** One JSON file being written: the rows and the years they span, for its name. */
    private final class FileBuffer {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(BYTES_PER_FILE + BYTES_PER_FILE / 8);
        final JsonGenerator json = SPOTIFY_STYLE.createGenerator((OutputStream) bytes);
        int rows;
        String firstYear;
        String lastYear;

        FileBuffer() {
            json.writeStartArray();
        }

        void add(SpotifyPlay p) {
            String year = p.ts().substring(0, 4);
            firstYear = firstYear == null ? year : firstYear;
            lastYear = year;
            rows++;
            SpotifyPlay.Kind kind = p.kind();
            kinds.merge(kind, 1L, Long::sum);
            if (kind == SpotifyPlay.Kind.MUSIC && p.msPlayed() < 30_000) {
                musicSkips++;
            }
            writeRow(json, p);
            json.flush();
        }

        String years() {
            return firstYear.equals(lastYear) ? firstYear : firstYear + "-" + lastYear;
        }

        byte[] close() {
            json.writeEndArray();
            json.close();
            jsonBytes += bytes.size();
            return bytes.toByteArray();
        }
    }

    private static void writeRow(JsonGenerator g, SpotifyPlay p) {
        g.writeStartObject();
        g.writeStringProperty("ts", p.ts());
        g.writeStringProperty("platform", p.platform());
        g.writeNumberProperty("ms_played", p.msPlayed());
        g.writeStringProperty("conn_country", p.connCountry());
        g.writeStringProperty("ip_addr", p.ipAddr());
        g.writeStringProperty("master_metadata_track_name", p.trackName());
        g.writeStringProperty("master_metadata_album_artist_name", p.artistName());
        g.writeStringProperty("master_metadata_album_album_name", p.albumName());
        g.writeStringProperty("spotify_track_uri", p.trackUri());
        g.writeStringProperty("episode_name", p.episodeName());
        g.writeStringProperty("episode_show_name", p.showName());
        g.writeStringProperty("spotify_episode_uri", p.episodeUri());
        g.writeStringProperty("audiobook_title", p.audiobookTitle());
        g.writeStringProperty("audiobook_uri", p.audiobookUri());
        g.writeStringProperty("audiobook_chapter_uri", p.audiobookChapterUri());
        g.writeStringProperty("audiobook_chapter_title", p.audiobookChapterTitle());
        g.writeStringProperty("reason_start", p.reasonStart());
        g.writeStringProperty("reason_end", p.reasonEnd());
        g.writeBooleanProperty("shuffle", p.shuffle());
        if (p.skipped() == null) {
            g.writeNullProperty("skipped");
        } else {
            g.writeBooleanProperty("skipped", p.skipped());
        }
        g.writeBooleanProperty("offline", p.offline());
        if (p.offlineTimestamp() == null) {
            g.writeNullProperty("offline_timestamp");
        } else {
            g.writeNumberProperty("offline_timestamp", p.offlineTimestamp());
        }
        g.writeBooleanProperty("incognito_mode", p.incognito());
        g.writeEndObject();
    }

    /** The export's read-me is a PDF: not a history file, so the import skips it (and reports it). */
    private static byte[] readMe() {
        return ("%PDF-1.4\n% Spotify Extended Streaming History: read me first (placeholder of the benchmark)\n"
                + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}
