package org.tonearm.imports.internal.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;

/**
 * A Spinitron radio playlist exported as CSV (Spinitron's "Export formats" help: a playlist export starts with
 * heading rows describing the playlist — title, DJ, date, time — followed by the spins in chronological order as a
 * table with one column per field the station enabled). The table is found by its header row, which must name
 * {@code Artist}, {@code Song} and {@code Time}; {@code Release} (or {@code Album}) and {@code Duration} are used
 * when present. Spin times are times of day: the date comes from a {@code Date} column or else from the heading
 * rows, and a time earlier than the previous spin's by more than 12 hours is the next day (a show past midnight).
 * The export carries no time zone: times are taken as UTC. Each spin's time is when it STARTED; {@code Duration}
 * is the time played. External id = a hash of the row and its date.
 */
@Component
public class SpinitronCsvFormat implements ImportFormat {

    public static final String ID = "spinitron_csv";
    public static final String NEEDS = "a header row with Artist, Song and Time, after optional heading rows";
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            Times.formatter("M/d/yyyy"), Times.formatter("MMM d, yyyy"), Times.formatter("MMMM d, yyyy"),
            Times.formatter("EEEE, MMMM d, yyyy"), Times.formatter("EEE, MMM d, yyyy"));
    private static final List<DateTimeFormatter> TIMES = List.of(Times.formatter("h:mm:ss a"),
            Times.formatter("h:mm a"), Times.formatter("H:mm:ss"), Times.formatter("H:mm"));
    private static final long DAY_MS = 86_400_000L;
    private static final int HEADER_SEARCH_ROWS = 40;

    private final ImportRowRules rules;

    public SpinitronCsvFormat() {
        this(ImportRowRules.systemClock());
    }

    SpinitronCsvFormat(ImportRowRules rules) {
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
        try {
            CsvReader reader = new CsvReader(new ByteArrayInputStream(Sniff.text(head).getBytes(
                    StandardCharsets.UTF_8)));
            CsvRecord record;
            for (int i = 0; i < HEADER_SEARCH_ROWS && (record = reader.next()) != null; i++) {
                if (isHeader(new CsvHeader(record.fields()))) {
                    return true;
                }
            }
            return false;
        } catch (IOException | ImportFileException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        CsvReader reader = new CsvReader(in);
        CsvHeader header = null;
        LocalDate headingDate = null;
        long previous = Long.MIN_VALUE;
        for (CsvRecord record = reader.next(); record != null && !sink.cancelled(); record = reader.next()) {
            if (record.isBlank()) {
                continue;
            }
            if (header == null) {
                CsvHeader candidate = new CsvHeader(record.fields());
                if (isHeader(candidate)) {
                    header = candidate;
                } else if (headingDate == null) {
                    headingDate = dateIn(record.fields());
                }
                continue;
            }
            CsvRecord row = record;
            CsvHeader columns = header;
            LocalDate date = headingDate;
            long after = previous;
            long[] started = {Long.MIN_VALUE};
            RowEmitter.emit(sink, row.lineNumber(), row.raw(), () -> {
                long at = startedAt(row, columns, date, after);
                started[0] = at;
                return listen(row, columns, at, context);
            });
            if (started[0] != Long.MIN_VALUE) {
                previous = started[0];
            }
        }
        if (header == null) {
            throw new ImportFileException("no spin table found: " + NEEDS);
        }
    }

    private static boolean isHeader(CsvHeader header) {
        return header.has("artist") && header.has("song") && (header.has("time") || header.has("start"));
    }

    private IncomingListen listen(CsvRecord row, CsvHeader header, long startedAt, ImportContext context) {
        if (!row.complete()) {
            throw new RowRejected("the file ends inside a quoted field");
        }
        return new ImportedListen(rules, context, ID).raw(row.raw())
                .artist(header.get(row, "artist")).title(header.get(row, "song"))
                .album(header.first(row, "release", "album"))
                .startedAt(startedAt)
                .playedMs(duration(header.get(row, "duration")))
                .extra("label", header.get(row, "label"))
                .externalId(RowKeys.hashOf(startedAt + "|" + row.raw()))
                .build();
    }

    private static long startedAt(CsvRecord row, CsvHeader header, LocalDate headingDate, long previous) {
        String dateText = header.get(row, "date");
        LocalDate date = dateText == null ? headingDate : date(dateText.strip());
        if (date == null) {
            throw new RowRejected(dateText == null ? "the playlist has no date (no Date column or heading row)"
                    : "date is not a date: " + Times.abbreviate(dateText));
        }
        String timeText = header.first(row, "time", "start");
        if (timeText == null) {
            throw new RowRejected("time is missing");
        }
        LocalTime time = time(timeText.strip());
        if (time == null) {
            throw new RowRejected("time is not a time of day: " + Times.abbreviate(timeText));
        }
        long at = date.atTime(time).toInstant(ZoneOffset.UTC).toEpochMilli();
        if (dateText == null && previous != Long.MIN_VALUE && at < previous - DAY_MS / 2) {
            at += DAY_MS; // spins are chronological: past midnight the heading's date is the day before
        }
        return at;
    }

    /** "3:45" or "1:02:03" as milliseconds; null when empty. */
    private static Long duration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.strip().split(":");
        try {
            long seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + Long.parseLong(part);
            }
            return parts.length > 3 ? null : seconds * 1000;
        } catch (NumberFormatException e) {
            throw new RowRejected("duration is not m:ss: " + Times.abbreviate(text));
        }
    }

    private static LocalDate dateIn(List<String> cells) {
        for (String cell : cells) {
            String text = cell.strip();
            int colon = text.indexOf(':');
            if (colon > 0 && text.substring(0, colon).strip().equalsIgnoreCase("date")) {
                text = text.substring(colon + 1).strip();
            }
            LocalDate date = date(text);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        return null;
    }

    private static LocalTime time(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (DateTimeFormatter format : TIMES) {
            try {
                return LocalTime.parse(upper, format);
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        return null;
    }
}
