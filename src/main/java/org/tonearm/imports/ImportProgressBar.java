package org.tonearm.imports;

import java.io.PrintStream;
import java.util.List;
import org.tonearm.imports.internal.jobs.ImportJobService;
import org.tonearm.imports.internal.jobs.ImportJobView;

/** Follows the CLI's jobs to their end, drawing one progress line on the terminal. */
final class ImportProgressBar {

    private static final int WIDTH = 30;

    private ImportProgressBar() {}

    static List<ImportJobView> follow(ImportJobService jobs, long userId, List<Long> ids, PrintStream err) {
        while (true) {
            List<ImportJobView> views = ids.stream().map(id -> jobs.view(userId, id)).toList();
            long processed = views.stream().mapToLong(ImportJobView::processed).sum();
            long total = views.stream().mapToLong(v -> v.total() == null ? 0 : v.total()).sum();
            double rate = views.stream().mapToDouble(v -> v.rowsPerSecond() == null || v.etaSeconds() == null
                    || v.etaSeconds() == 0 ? 0 : v.rowsPerSecond()).sum();
            long finished = views.stream().filter(v -> !v.status().equals("queued") && !v.status().equals("running")).count();
            double share = finished == views.size() ? 1 : total == 0 ? 0 : Math.min(1, processed / (double) total);
            int filled = (int) Math.round(share * WIDTH);
            err.printf("\r[%s%s] %3d%%  %,d rows  %,.0f rows/s  files %d/%d ", "#".repeat(filled),
                    ".".repeat(WIDTH - filled), Math.round(share * 100), processed, rate, finished, views.size());
            if (finished == views.size()) {
                err.println();
                return views;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return views;
            }
        }
    }
}
