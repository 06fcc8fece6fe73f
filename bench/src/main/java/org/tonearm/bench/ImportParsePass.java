package org.tonearm.bench;

import java.nio.file.Path;
import java.util.List;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportFormats;
import org.tonearm.imports.ImportSink;
import org.tonearm.imports.internal.archive.ArchiveLimits;
import org.tonearm.imports.internal.archive.UploadReader;
import org.tonearm.imports.internal.format.SpotifyExtendedHistoryFormat;
import org.tonearm.listens.IncomingListen;

/**
 * The import's own work without the funnel and the database: the zip walked by {@link UploadReader}, each file
 * detected and parsed by the application's {@link SpotifyExtendedHistoryFormat} into listens that go nowhere.
 * What this costs per row is a floor under any import of this format, whatever the database.
 */
final class ImportParsePass {

    /** Rows by outcome and the wall time of one pass. */
    record Pass(long listens, long skipped, long failed, double seconds) {}

    private final ImportFormats formats = new ImportFormats(List.of(new SpotifyExtendedHistoryFormat()));

    Pass run(Path zip) throws Exception {
        long[] counts = new long[3];
        ImportSink sink = new ImportSink() {
            @Override
            public void listen(long rowNumber, IncomingListen listen) {
                counts[0]++;
            }

            @Override
            public void skipped(long rowNumber, String reason) {
                counts[1]++;
            }

            @Override
            public void failed(long rowNumber, String reason, String rawRow) {
                counts[2]++;
            }
        };
        long start = System.nanoTime();
        new UploadReader(new ArchiveLimits(100_000, Long.MAX_VALUE, 1_000)).read(zip, zip.getFileName().toString(),
                index -> true, entry -> {
                    ImportFormat format = formats.detect(entry.name(), entry.head()).orElse(null);
                    if (format != null) {
                        format.parse(entry.body(), new ImportContext(1, entry.name()), sink);
                    }
                    return true;
                });
        return new Pass(counts[0], counts[1], counts[2], (System.nanoTime() - start) / 1e9);
    }
}
