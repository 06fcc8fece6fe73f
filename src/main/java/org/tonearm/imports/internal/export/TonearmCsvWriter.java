package org.tonearm.imports.internal.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.tonearm.listens.ArchivedListen;
import org.tonearm.shared.Instants;

/** Tonearm CSV (docs/formats.md, {@code tonearm_csv}): RFC 4180, the fixed header, read back by the importer. */
final class TonearmCsvWriter {

    static final String HEADER =
            "listened_at,artist,artists,track,album,duration_played_ms,track_length_ms,service,client,external_id";

    private final Writer out;

    TonearmCsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER + "\r\n");
    }

    void write(ArchivedListen l) {
        try {
            out.write(String.join(",", Instants.format(l.listenedAt()), field(l.track().primary().name()), "",
                    field(l.track().title()), field(l.album() == null ? null : l.album().title()),
                    number(l.durationPlayedMs()), number(l.trackLengthMs()), field(l.service().wire()),
                    field(l.client()), field(l.externalId())));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(Long n) {
        return n == null ? "" : n.toString();
    }

    /** Quotes a field holding a comma, quote or line break, doubling its quotes (RFC 4180 §2). */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
