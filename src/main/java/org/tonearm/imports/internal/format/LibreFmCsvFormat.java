package org.tonearm.imports.internal.format;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;

/**
 * Libre.fm (GNU FM) history as written by its export script ({@code lastexport.py}, the tool GNU FM documents for
 * moving a history, read back by its {@code libreimport.py}): no header, one scrobble per line,
 * {@code uts, track, artist[, album[, track_mbid, artist_mbid, album_mbid]]} — tab-separated as the script writes
 * it, comma-separated once a spreadsheet or another tool (Maloja's users re-save it) has rewritten it as CSV with
 * quoted fields and CRLF line ends. Older files stop after the artist (no album column). Lines starting with
 * {@code #} are comments. {@code uts} is epoch seconds of the scrobble, i.e. when the track STARTED (the
 * Audioscrobbler timestamp); there is no played duration. External id {@code uts|artist|track}.
 */
@Component
public class LibreFmCsvFormat implements ImportFormat {

    public static final String ID = "librefm_csv";
    /** What a user is told a file needs when nothing recognises it (see the unknown-CSV report). */
    public static final String NEEDS = "no header, rows uts,track,artist[,album,mbids] (tab or comma; uts in epoch seconds)";
    private static final Pattern UTS = Pattern.compile("\\d{9,10}");
    private static final int HEAD = 64 * 1024;

    private final ImportRowRules rules;

    public LibreFmCsvFormat() {
        this(ImportRowRules.systemClock());
    }

    LibreFmCsvFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String needs() {
        return NEEDS;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        String text = Sniff.text(head);
        if (text.startsWith("#AUDIOSCROBBLER/")) {
            return false; // a Rockbox .scrobbler.log, whose header lines look like comments too
        }
        String line = firstDataLine(text);
        if (line == null) {
            return false;
        }
        List<String> fields = fields(line, delimiter(line));
        return fields.size() >= 3 && fields.size() <= 7 && UTS.matcher(fields.get(0).strip()).matches()
                && !fields.get(1).isBlank() && !fields.get(2).isBlank();
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        BufferedInputStream buffered = new BufferedInputStream(in, HEAD);
        buffered.mark(HEAD);
        byte[] head = buffered.readNBytes(HEAD);
        buffered.reset();
        String line = firstDataLine(Sniff.text(head));
        CsvReader reader = new CsvReader(buffered, line == null ? '\t' : delimiter(line));
        for (CsvRecord record = reader.next(); record != null && !sink.cancelled(); record = reader.next()) {
            if (record.isBlank() || record.raw().stripLeading().startsWith("#")) {
                continue;
            }
            CsvRecord row = record;
            RowEmitter.emit(sink, row.lineNumber(), row.raw(), () -> listen(row, context));
        }
    }

    private IncomingListen listen(CsvRecord row, ImportContext context) {
        if (!row.complete()) {
            throw new RowRejected("the file ends inside a quoted field");
        }
        if (row.fields().size() < 3) {
            throw new RowRejected("expected at least 3 columns uts,track,artist but found " + row.fields().size());
        }
        String uts = row.get(0) == null ? null : row.get(0).strip();
        String track = row.get(1);
        String artist = row.get(2);
        return new ImportedListen(rules, context, ID).raw(row.raw())
                .artist(artist).title(track).album(row.get(3))
                .startedAt(Times.epochSeconds("uts", uts))
                .recordingMbid(row.get(4))
                .artistMbids(row.get(5) == null ? List.of() : List.of(row.get(5)))
                .releaseMbid(row.get(6))
                .externalId(RowKeys.join(uts, artist, track))
                .build();
    }

    /** The first line that is neither blank nor a {@code #} comment; null when the head has none. */
    private static String firstDataLine(String text) {
        for (String line : text.split("\r\n|\r|\n", 50)) {
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                return line;
            }
        }
        return null;
    }

    /** The script writes tabs; a CSV rewrite uses commas. */
    private static char delimiter(String line) {
        return line.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private static List<String> fields(String line, char delimiter) {
        try {
            CsvRecord record = new CsvReader(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
                    delimiter).next();
            return record == null ? List.of() : record.fields();
        } catch (IOException | ImportFileException | RuntimeException e) {
            return List.of();
        }
    }
}
