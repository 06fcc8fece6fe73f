package org.tonearm.imports.internal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;
import org.tonearm.imports.internal.persistence.JooqListenExportRepository;

/** Streams a user's listens in a time range as Tonearm CSV or a ListenBrainz JSONL zip (SPEC §4 exports). */
@Service
public class ListenExporter {

    private final JooqListenExportRepository listens;

    ListenExporter(JooqListenExportRepository listens) {
        this.listens = listens;
    }

    public void csv(long userId, long fromMs, long toMs, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        TonearmCsvWriter csv = new TonearmCsvWriter(writer);
        listens.forEach(userId, fromMs, toMs, csv::write);
        writer.flush();
    }

    public void listenBrainz(long userId, long fromMs, long toMs, OutputStream out) throws IOException {
        try (ListenBrainzZipWriter zip = new ListenBrainzZipWriter(out)) {
            listens.forEach(userId, fromMs, toMs, zip::write);
        }
    }
}
