package org.tonearm.imports.internal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;
import org.tonearm.listens.ListenArchive;

/** Streams a user's listens in a time range as Tonearm CSV or a ListenBrainz JSONL zip (docs/api.md#imports-and-exports exports). */
@Service
public class ListenExporter {

    private final ListenArchive listens;

    ListenExporter(ListenArchive listens) {
        this.listens = listens;
    }

    /** {@code fromMs <= listened_at < toMs}; a null bound is open. */
    public void csv(long userId, Long fromMs, Long toMs, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        TonearmCsvWriter csv = new TonearmCsvWriter(writer);
        listens.forEach(userId, fromMs, toMs, csv::write);
        writer.flush();
    }

    public void listenBrainz(long userId, Long fromMs, Long toMs, OutputStream out) throws IOException {
        try (ListenBrainzZipWriter zip = new ListenBrainzZipWriter(out)) {
            listens.forEach(userId, fromMs, toMs, zip::write);
        }
    }
}
