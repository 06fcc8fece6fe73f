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
 * Last.fm scrobbles as CSV, in the two shapes export tools write:
 * <ul>
 *   <li>ghan-style (lastfm.ghan.nl): header {@code uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid},
 *       {@code uts} = epoch seconds; external id {@code uts|artist|track};</li>
 *   <li>header-less {@code artist,album,track,date} (lastfm-to-csv) with dates like {@code 31 Jan 2021 13:45}
 *       in UTC; external id = a hash of the raw row (the row has no key of its own).</li>
 * </ul>
 * A Last.fm scrobble's timestamp is when the track STARTED (Last.fm track.scrobble docs); no played duration.
 */
@Component
public class LastFmCsvFormat implements ImportFormat {

    public static final String ID = "lastfm_csv";
    private static final Pattern GHAN_HEADER = Pattern.compile("(?i)\"?uts\"?,\"?utc_time\"?,\"?artist\"?,.*");
    private static final Pattern DATE = Pattern.compile("\\d{1,2} [A-Za-z]{3,4} \\d{4},? \\d{1,2}:\\d{2}");
    private static final Pattern DATE_AT_END = Pattern.compile(".*,\"?" + DATE.pattern() + "\"?\\s*");
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
        return "header uts,utc_time,artist,… or no header and rows artist,album,track,date (31 Jan 2021 13:45)";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        String first = Sniff.firstLine(head);
        if (GHAN_HEADER.matcher(first).matches()) {
            return true;
        }
        return Sniff.baseName(fileName).endsWith(".csv")
                && (DATE_AT_END.matcher(first).matches() || first.strip().equalsIgnoreCase("artist,album,track,date"));
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        CsvReader reader = new CsvReader(in);
        CsvRecord first = reader.next();
        if (first == null) {
            return;
        }
        CsvHeader header = null;
        if (GHAN_HEADER.matcher(first.raw()).matches() || first.raw().strip().equalsIgnoreCase("artist,album,track,date")) {
            header = new CsvHeader(first.fields());
            first = reader.next();
        }
        for (CsvRecord record = first; record != null && !sink.cancelled(); record = reader.next()) {
            if (record.isBlank()) {
                continue;
            }
            CsvRecord row = record;
            CsvHeader columns = header;
            RowEmitter.emit(sink, row.lineNumber(), row.raw(), () -> listen(row, columns, context));
        }
    }

    private IncomingListen listen(CsvRecord row, CsvHeader header, ImportContext context) {
        if (!row.complete()) {
            throw new RowRejected("the file ends inside a quoted field");
        }
        ImportedListen listen = new ImportedListen(rules, context, ID).raw(row.raw());
        if (header != null && header.has("uts")) {
            String uts = header.get(row, "uts");
            String artist = header.get(row, "artist");
            String track = header.get(row, "track");
            return listen.artist(artist).title(track).album(header.get(row, "album"))
                    .startedAt(Times.epochSeconds("uts", uts))
                    .artistMbids(mbids(header.get(row, "artist_mbid")))
                    .releaseMbid(header.get(row, "album_mbid"))
                    .recordingMbid(header.get(row, "track_mbid"))
                    .externalId(RowKeys.join(uts == null ? null : uts.strip(), artist, track))
                    .build();
        }
        if (row.fields().size() < 4) {
            throw new RowRejected("expected 4 columns artist,album,track,date but found " + row.fields().size());
        }
        String date = row.get(3) == null ? null : row.get(3).replace(",", "");
        return listen.artist(row.get(0)).album(row.get(1)).title(row.get(2))
                .startedAt(Times.pattern("date", date, DATE_FORMAT))
                .externalId(RowKeys.hashOf(row.raw()))
                .build();
    }

    private static List<String> mbids(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
