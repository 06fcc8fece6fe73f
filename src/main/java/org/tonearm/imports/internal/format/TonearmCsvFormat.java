package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;

/**
 * Tonearm's own CSV (docs/formats.md): header {@link #HEADER}, RFC 4180 quoting, UTF-8, {@code listened_at} an ISO
 * instant of the START, {@code artists} joined with {@code "; "}. Columns are found by name, so added columns are
 * ignored. External id: the {@code external_id} column, else a hash of the raw row.
 */
@Component
public class TonearmCsvFormat implements ImportFormat {

    public static final String ID = "tonearm_csv";
    public static final String HEADER =
            "listened_at,artist,artists,track,album,duration_played_ms,track_length_ms,service,client,external_id";

    private final TonearmListenMapper mapper;

    public TonearmCsvFormat() {
        this(ImportRowRules.systemClock());
    }

    TonearmCsvFormat(ImportRowRules rules) {
        this.mapper = new TonearmListenMapper(rules);
    }

    @Override
    public String needs() {
        return "a header with columns listened_at, artist and track in any order (all of " + HEADER + " are read)";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        // read by its header's names (docs/formats.md, "CSV read by its header"): a spreadsheet may reorder or drop columns
        return isHeader(new CsvHeader(Sniff.csvFields(Sniff.firstLine(head))));
    }

    private static boolean isHeader(CsvHeader header) {
        return header.has("listened_at") && header.has("artist") && header.has("track");
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        CsvReader reader = new CsvReader(in);
        CsvRecord first = reader.next();
        if (first == null) {
            return;
        }
        CsvHeader header = new CsvHeader(first.fields());
        if (!isHeader(header)) {
            throw new ImportFileException("not a Tonearm CSV: the header needs the columns listened_at, artist and track");
        }
        for (CsvRecord row = reader.next(); row != null && !sink.cancelled(); row = reader.next()) {
            if (row.isBlank()) {
                continue;
            }
            CsvRecord record = row;
            RowEmitter.emit(sink, record.lineNumber(), record.raw(), () -> {
                if (!record.complete()) {
                    throw new RowRejected("the file ends inside a quoted field");
                }
                return mapper.map(new TonearmListenMapper.Row(header.get(record, "listened_at"),
                        header.get(record, "artist"), artists(header.get(record, "artists")),
                        header.get(record, "track"), header.get(record, "album"),
                        header.get(record, "duration_played_ms"), header.get(record, "track_length_ms"),
                        header.get(record, "service"), header.get(record, "client"),
                        header.get(record, "external_id"), null, record.raw()), context, ID);
            });
        }
    }

    private static List<String> artists(String joined) {
        return joined == null ? List.of() : Arrays.stream(joined.split(";")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
