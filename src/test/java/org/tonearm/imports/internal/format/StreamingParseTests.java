package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;

/**
 * Parsers stream (docs/api.md#imports-and-exports: constant memory whatever the file size): the first listen reaches the sink long before
 * the file has been read, a large file is read completely, and a cancelled job stops reading.
 */
class StreamingParseTests {

    private static final int ROWS = 5_000;

    @Test
    void spotifyExtendedHistoryIsReadRowByRow() throws Exception {
        assertStreams(new SpotifyExtendedHistoryFormat(), "Streaming_History_Audio_2023.json", "[", "]", ",",
                i -> "{\"ts\":\"2023-01-01T00:00:00Z\",\"ms_played\":" + (1000 + i) + ",\"master_metadata_track_name\":"
                        + "\"Track " + i + "\",\"master_metadata_album_artist_name\":\"Artist\",\"spotify_track_uri\":"
                        + "\"spotify:track:" + i + "\",\"incognito_mode\":false}");
    }

    @Test
    void listenBrainzJsonLinesAreReadLineByLine() throws Exception {
        assertStreams(new ListenBrainzExportFormat(), "listens/2023/1.jsonl", "", "", "\n",
                i -> "{\"listened_at\":" + (1_600_000_000 + i) + ",\"track_metadata\":{\"artist_name\":\"A\","
                        + "\"track_name\":\"T" + i + "\"}}");
    }

    @Test
    void malojaScrobblesInsideTheExportObjectAreReadOneByOne() throws Exception {
        assertStreams(new MalojaExportFormat(), "maloja.json", "{\"maloja\":{},\"scrobbles\":[", "]}", ",",
                i -> "{\"time\":" + (1_600_000_000 + i) + ",\"track\":{\"artists\":[\"A\"],\"title\":\"T" + i
                        + "\"}}");
    }

    @Test
    void csvRowsAreReadOneByOne() throws Exception {
        assertStreams(new TonearmCsvFormat(), "t.csv", TonearmCsvFormat.HEADER + "\r\n", "", "\r\n",
                i -> "2023-01-01T00:00:00.000Z,Artist,,\"Track, " + i + "\",,,,spotify,,");
    }

    @Test
    void aCancelledJobStopsReading() throws Exception {
        GeneratedFile file = new GeneratedFile("[", "]", ",", i -> "{\"ts\":\"2023-01-01T00:00:00Z\",\"ms_played\":1,"
                + "\"master_metadata_track_name\":\"T\",\"master_metadata_album_artist_name\":\"A\"}");
        int[] reported = {0};
        ImportSink cancelling = new ImportSink() {
            public void listen(long rowNumber, IncomingListen listen) { reported[0]++; }
            public void skipped(long rowNumber, String reason) { reported[0]++; }
            public void failed(long rowNumber, String reason, String rawRow) { reported[0]++; }
            public boolean cancelled() { return reported[0] >= 10; }
        };

        new SpotifyExtendedHistoryFormat().parse(file, new ImportContext(1, "a.json"), cancelling);

        assertThat(reported[0]).isEqualTo(10);
        assertThat(file.rowsProduced).isLessThan(ROWS / 10);
    }

    private static void assertStreams(ImportFormat format, String name, String prefix, String suffix, String separator,
            IntFunction<String> row) throws Exception {
        GeneratedFile file = new GeneratedFile(prefix, suffix, separator, row);
        long[] rowsProducedAtFirstListen = {-1};
        CollectingSink sink = new CollectingSink() {
            @Override
            public void listen(long rowNumber, IncomingListen listen) {
                if (rowsProducedAtFirstListen[0] < 0) {
                    rowsProducedAtFirstListen[0] = file.rowsProduced;
                }
                rowNumbers.add(rowNumber);
            }
        };

        format.parse(file, new ImportContext(1, name), sink);

        assertThat(sink.total()).isEqualTo(ROWS);
        assertThat(sink.failures).isEmpty();
        assertThat(rowsProducedAtFirstListen[0]).isLessThan(ROWS / 10);
    }

    /** A file of {@code ROWS} rows produced on demand, counting how many rows have been handed out. */
    private static final class GeneratedFile extends InputStream {

        private final String suffix;
        private final String separator;
        private final IntFunction<String> row;
        private byte[] chunk;
        private int position;
        private int next;
        int rowsProduced;

        GeneratedFile(String prefix, String suffix, String separator, IntFunction<String> row) {
            this.suffix = suffix;
            this.separator = separator;
            this.row = row;
            this.chunk = prefix.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            while (position == chunk.length) {
                if (next > ROWS) {
                    return -1;
                }
                String text = next == ROWS ? suffix : (next == 0 ? "" : separator) + row.apply(next);
                if (next < ROWS) {
                    rowsProduced++;
                }
                next++;
                chunk = text.getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
