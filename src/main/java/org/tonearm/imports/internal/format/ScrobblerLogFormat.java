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
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;

/**
 * Rockbox / portable player {@code .scrobbler.log} (Audioscrobbler portable device format 1.1): header lines
 * {@code #AUDIOSCROBBLER/1.1}, {@code #TZ/UNKNOWN|UTC}, {@code #CLIENT/…}; then one tab-separated line per play:
 * {@code artist, album, title, tracknum, length (s), rating, timestamp, mbid}. Rating {@code L} = listened (a play),
 * {@code S} = skipped on the device: skipped here. The timestamp is when the track STARTED. With {@code #TZ/UNKNOWN}
 * it is the device's local clock, which cannot be recovered from the file: it is taken as UTC, like every other
 * scrobbler reading these logs does. External id: {@code timestamp|artist|title}. Service: local.
 */
@Component
public class ScrobblerLogFormat implements ImportFormat {

    public static final String ID = "scrobbler_log";

    private final ImportRowRules rules;

    public ScrobblerLogFormat() {
        this(ImportRowRules.systemClock());
    }

    ScrobblerLogFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        return Sniff.baseName(fileName).equals(".scrobbler.log") || Sniff.baseName(fileName).equals("scrobbler.log")
                || Sniff.text(head).startsWith("#AUDIOSCROBBLER/");
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        LineReader lines = new LineReader(in);
        String line;
        while ((line = lines.next()) != null && !sink.cancelled()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String row = line;
            RowEmitter.emit(sink, lines.lineNumber(), row, () -> listen(row, context));
        }
    }

    private IncomingListen listen(String line, ImportContext context) {
        List<String> fields = Arrays.asList(line.split("\t", -1));
        if (fields.size() < 7) {
            throw new RowRejected("expected at least 7 tab-separated fields but found " + fields.size());
        }
        String rating = fields.get(5).strip();
        if (rating.equals("S")) {
            throw new RowSkipped("skipped on the device (rating S)");
        }
        if (!rating.equals("L")) {
            throw new RowRejected("rating must be L or S but is " + Times.abbreviate(rating));
        }
        String timestamp = fields.get(6).strip();
        return new ImportedListen(rules, context, ID)
                // the column names of the .scrobbler.log specification (#ARTIST #ALBUM #TITLE … #TIMESTAMP)
                .named("track", "title").named("track_length_ms", "length").named("listened_at", "timestamp")
                .artist(fields.get(0))
                .album(fields.get(1))
                .title(fields.get(2))
                .lengthMs(Numbers.secondsToMillisOrNull("length", Numbers.wholeOrNull("length", fields.get(4))))
                .startedAt(Times.epochSeconds("timestamp", timestamp))
                .recordingMbid(fields.size() > 7 ? fields.get(7) : null)
                .service(Service.LOCAL)
                .externalId(RowKeys.join(timestamp, fields.get(0).strip(), fields.get(2).strip()))
                .extra("track_number", fields.get(3).isBlank() ? null : fields.get(3).strip())
                .raw(line)
                .build();
    }
}
