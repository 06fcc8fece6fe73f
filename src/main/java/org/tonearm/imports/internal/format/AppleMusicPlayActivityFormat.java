package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;

/**
 * Apple Music Play Activity CSV (privacy.apple.com, "Apple Music Play Activity.csv"). Column sets vary by export
 * year, so columns are looked up by name:
 * <ul>
 *   <li>artist: {@code Artist Name}, else {@code Container Artist Name}, else the part of {@code Track Description}
 *       ("Artist - Title") before the first " - "; title: {@code Song Name}, {@code Content Name}, else the rest of
 *       {@code Track Description}; album: {@code Album Name}, else {@code Container Album Name};</li>
 *   <li>time: {@code Event Start Timestamp} (START), else {@code Event End Timestamp} (END, docs/api.md#time-stamps);
 *       played: {@code Play Duration Milliseconds}; length: {@code Media Duration In Milliseconds};</li>
 *   <li>only {@code PLAY_END} events are plays (an empty Event Type counts as one, older exports leave it
 *       blank); PLAY_START, LYRIC_DISPLAY… are skipped;</li>
 *   <li>skips ({@code End Reason Type} TRACK_SKIPPED_*, MANUALLY_SELECTED_PLAYBACK_OF_A_DIFF_ITEM…) are imported:
 *       classification makes them SKIP from the played duration; the reason is kept in extra.</li>
 * </ul>
 * External id: a hash of the raw row (Apple gives no play id; the row holds received timestamps and device ids).
 */
@Component
public class AppleMusicPlayActivityFormat implements ImportFormat {

    public static final String ID = "apple_music";

    private final ImportRowRules rules;

    public AppleMusicPlayActivityFormat() {
        this(ImportRowRules.systemClock());
    }

    AppleMusicPlayActivityFormat(ImportRowRules rules) {
        this.rules = rules;
    }

    @Override
    public String needs() {
        return "a header with Play Duration Milliseconds and Event Start Timestamp or Event End Timestamp";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        String name = Sniff.baseName(fileName);
        if (name.endsWith(".csv") && name.contains("play activity")) {
            return true;
        }
        String first = Sniff.firstLine(head);
        return first.contains("Play Duration Milliseconds") && (first.contains("Event Start Timestamp")
                || first.contains("Event End Timestamp"));
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        CsvReader reader = new CsvReader(in);
        CsvRecord first = reader.next();
        if (first == null) {
            return;
        }
        CsvHeader header = new CsvHeader(first.fields());
        if (!header.has("Event Start Timestamp") && !header.has("Event End Timestamp")) {
            throw new ImportFileException("not an Apple Music Play Activity file: no Event Start/End Timestamp column");
        }
        for (CsvRecord row = reader.next(); row != null && !sink.cancelled(); row = reader.next()) {
            if (row.isBlank()) {
                continue;
            }
            CsvRecord record = row;
            RowEmitter.emit(sink, record.lineNumber(), record.raw(), () -> listen(record, header, context));
        }
    }

    private IncomingListen listen(CsvRecord row, CsvHeader header, ImportContext context) {
        if (!row.complete()) {
            throw new RowRejected("the file ends inside a quoted field");
        }
        String event = header.get(row, "Event Type");
        if (event != null && !event.strip().equalsIgnoreCase("PLAY_END")) {
            throw new RowSkipped("event " + Times.abbreviate(event.strip()) + " is not a finished play");
        }
        String artist = header.first(row, "Artist Name", "Container Artist Name");
        String title = header.first(row, "Song Name", "Content Name");
        String description = header.get(row, "Track Description");
        if (description != null && (artist == null || title == null)) {
            int dash = description.indexOf(" - ");
            if (dash > 0) {
                artist = artist != null ? artist : description.substring(0, dash);
                title = title != null ? title : description.substring(dash + 3);
            } else if (title == null) {
                title = description;
            }
        }
        String endReason = header.get(row, "End Reason Type");
        ImportedListen listen = new ImportedListen(rules, context, ID)
                // the columns this file has (older exports: Artist Name, Song Name; newer: Container …, Track Description)
                .named("artist", header.has("Artist Name") ? "Artist Name" : "Container Artist Name")
                .named("track", header.has("Song Name") ? "Song Name"
                        : header.has("Content Name") ? "Content Name" : "Track Description")
                .named("album", header.has("Album Name") ? "Album Name" : "Container Album Name")
                .named("duration_played_ms", "Play Duration Milliseconds")
                .named("track_length_ms", "Media Duration In Milliseconds")
                .artist(artist)
                .title(title)
                .album(header.first(row, "Album Name", "Container Album Name"))
                .playedMs(Numbers.wholeOrNull("Play Duration Milliseconds",
                        header.get(row, "Play Duration Milliseconds")))
                .lengthMs(Numbers.wholeOrNull("Media Duration In Milliseconds",
                        header.get(row, "Media Duration In Milliseconds")))
                .service(Service.APPLE_MUSIC)
                .externalId(RowKeys.hashOf(row.raw()))
                .extra("end_reason_type", endReason)
                .extra("skipped", endReason == null ? null : isSkip(endReason))
                .extra("device_type", header.get(row, "Device Type"))
                .raw(row.raw());
        String start = header.get(row, "Event Start Timestamp");
        if (start != null) {
            listen.named("listened_at", "Event Start Timestamp").startedAt(Times.iso("Event Start Timestamp", start));
        } else {
            listen.named("listened_at", "Event End Timestamp")
                    .endedAt(Times.iso("Event End Timestamp", header.get(row, "Event End Timestamp")));
        }
        return listen.build();
    }

    private static boolean isSkip(String endReason) {
        String reason = endReason.toUpperCase(Locale.ROOT);
        return reason.contains("SKIP") || reason.startsWith("MANUALLY_SELECTED_PLAYBACK_OF_A_DIFF_ITEM");
    }
}
