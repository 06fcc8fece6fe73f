package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;

/**
 * Last.fm scrobbles as CSV, in the shapes export tools write (docs/formats.md, "Last.fm CSV layouts"):
 * <ul>
 *   <li>with a header, read by its column names in any order ({@link CsvFields}): an artist ({@code artist},
 *       {@code artist_name}), a track ({@code track}, {@code track_name}, {@code name}) and a time — epoch seconds
 *       ({@code uts}, {@code timestamp}) preferred over a formatted UTC date ({@code utc_time}, {@code date},
 *       like {@code 31 Jan 2021, 13:45}) when a header has both; album and MBIDs are optional. This covers
 *       ghan's exporter (lastfm.ghan.nl, {@code uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid})
 *       and its reordered or trimmed re-saves. External id {@code epochSeconds|artist|track}, the same whichever
 *       time column gave it;</li>
 *   <li>header-less {@code artist,album,track,date} (lastfm-to-csv) with dates like {@code 31 Jan 2021 13:45}
 *       in UTC; external id = a hash of the raw row (the row has no key of its own).</li>
 * </ul>
 * A Last.fm scrobble's timestamp is when the track STARTED (Last.fm track.scrobble docs); no played duration.
 */
@Component
public class LastFmCsvFormat implements ImportFormat {

    public static final String ID = "lastfm_csv";
    static final CsvFields.Schema SCHEMA = CsvFields.schema()
            .field("artist", "artist", "artist_name")
            .field("track", "track", "track_name", "name")
            .field("epoch", "uts", "timestamp")
            .field("date", "utc_time", "date", "time")
            .field("album", "album", "album_name")
            .field("artist_mbid", "artist_mbid", "artist id")
            .field("album_mbid", "album_mbid", "album id")
            .field("track_mbid", "track_mbid", "track id");
    private static final Pattern DATE = Pattern.compile("\\d{1,2} [A-Za-z]{3,4} \\d{4},? \\d{1,2}:\\d{2}");
    private static final Pattern DATE_AT_END = Pattern.compile(".*,\"?" + DATE.pattern() + "\"?\\s*");
    private static final Pattern DIGITS = Pattern.compile("\\s*\\d+\\s*");
    private static final DateTimeFormatter DATE_FORMAT = Times.formatter("d MMM yyyy HH:mm");

    private final ImportRowRules rules;

    public LastFmCsvFormat() {
        this(ImportRowRules.systemClock());
    }

    LastFmCsvFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String needs() {
        return "a header with columns " + SCHEMA.describe("artist", "track") + " and a time "
                + SCHEMA.describe("epoch", "date") + " in any order, or no header and rows artist,album,track,date"
                + " (31 Jan 2021 13:45)";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        String first = Sniff.firstLine(head);
        if (isHeader(Sniff.csvFields(first))) {
            return true;
        }
        return Sniff.baseName(fileName).endsWith(".csv") && DATE_AT_END.matcher(first).matches();
    }

    /** A header row names an artist, a track and a time column; a data row's values never are those names. */
    private static boolean isHeader(List<String> fields) {
        CsvFields columns = SCHEMA.read(fields);
        return columns.has("artist") && columns.has("track") && (columns.has("epoch") || columns.has("date"));
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        CsvReader reader = new CsvReader(in);
        CsvRecord first = reader.next();
        if (first == null) {
            return;
        }
        CsvFields header = null;
        if (isHeader(first.fields())) {
            header = SCHEMA.read(first.fields());
            first = reader.next();
        }
        for (CsvRecord record = first; record != null && !sink.cancelled(); record = reader.next()) {
            if (record.isBlank()) {
                continue;
            }
            CsvRecord row = record;
            CsvFields columns = header;
            RowEmitter.emit(sink, row.lineNumber(), row.raw(), () -> listen(row, columns, context));
        }
    }

    private IncomingListen listen(CsvRecord row, CsvFields header, ImportContext context) {
        if (!row.complete()) {
            throw new RowRejected("the file ends inside a quoted field");
        }
        ImportedListen listen = new ImportedListen(rules, context, ID).raw(row.raw());
        if (header != null) {
            String artist = header.get(row, "artist");
            String track = header.get(row, "track");
            long startedAt = startedAt(row, header);
            return listen.artist(artist).title(track).album(header.get(row, "album"))
                    .startedAt(startedAt)
                    .artistMbids(mbids(header.get(row, "artist_mbid")))
                    .releaseMbid(header.get(row, "album_mbid"))
                    .recordingMbid(header.get(row, "track_mbid"))
                    .externalId(RowKeys.join(Long.toString(Math.floorDiv(startedAt, 1000L)), artist, track))
                    .build();
        }
        if (row.fields().size() < 4) {
            throw new RowRejected("expected 4 columns artist,album,track,date but found " + row.fields().size());
        }
        return listen.artist(row.get(0)).album(row.get(1)).title(row.get(2))
                .startedAt(formattedDate("date", row.get(3)))
                .externalId(RowKeys.hashOf(row.raw()))
                .build();
    }

    /**
     * Epoch seconds when the row has them, else the formatted date: a minute-precision date would move a listen
     * that the epoch column places to the second. A {@code timestamp} column holding a date is read as one.
     */
    private static long startedAt(CsvRecord row, CsvFields header) {
        CsvFields.Column epoch = header.column(row, "epoch");
        if (epoch != null) {
            String value = row.get(epoch.index());
            return epoch.name().equals("timestamp") && !DIGITS.matcher(value).matches()
                    ? formattedDate(epoch.name(), value)
                    : Times.epochSeconds(epoch.name(), value);
        }
        CsvFields.Column date = header.column(row, "date");
        if (date == null) {
            throw new RowRejected((header.has("epoch") ? header.name("epoch") : header.name("date")) + " is missing");
        }
        return formattedDate(date.name(), row.get(date.index()));
    }

    /** Last.fm's own {@code 31 Jan 2021, 13:45} (UTC), or ISO-8601 as spreadsheets re-save it. */
    private static long formattedDate(String field, String value) {
        if (value != null && value.strip().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return Times.iso(field, value.strip().replace(' ', 'T'));
        }
        return Times.pattern(field, value == null ? null : value.replace(",", ""), DATE_FORMAT);
    }

    private static List<String> mbids(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
