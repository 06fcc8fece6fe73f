package org.tonearm.imports.internal.format;

import java.util.ArrayList;
import java.util.List;
import org.tonearm.imports.ImportSink;
import org.tonearm.imports.RestoredListen;
import org.tonearm.listens.IncomingListen;

/** An {@link ImportSink} that keeps everything it is told, for assertions. */
class CollectingSink implements ImportSink {

    record Failure(long rowNumber, String reason, String rawRow) {}

    record Skip(long rowNumber, String reason) {}

    final List<IncomingListen> listens = new ArrayList<>();
    final List<RestoredListen> restored = new ArrayList<>();
    final List<Skip> skips = new ArrayList<>();
    final List<Failure> failures = new ArrayList<>();
    /** Every reported row number, in report order. */
    final List<Long> rowNumbers = new ArrayList<>();

    @Override
    public void listen(long rowNumber, IncomingListen listen) {
        rowNumbers.add(rowNumber);
        listens.add(listen);
    }

    @Override
    public void restored(long rowNumber, RestoredListen listen) {
        rowNumbers.add(rowNumber);
        restored.add(listen);
    }

    @Override
    public void skipped(long rowNumber, String reason) {
        rowNumbers.add(rowNumber);
        skips.add(new Skip(rowNumber, reason));
    }

    @Override
    public void failed(long rowNumber, String reason, String rawRow) {
        rowNumbers.add(rowNumber);
        failures.add(new Failure(rowNumber, reason, rawRow));
    }

    int total() {
        return rowNumbers.size();
    }

    /** "listens/skipped/failed" (restored listens count as listens), compact for assertions. */
    String counts() {
        return (listens.size() + restored.size()) + "/" + skips.size() + "/" + failures.size();
    }

    List<String> failureReasons() {
        return failures.stream().map(Failure::reason).toList();
    }

    List<String> skipReasons() {
        return skips.stream().map(Skip::reason).toList();
    }
}
