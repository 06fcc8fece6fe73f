package org.tonearm.imports.internal.jobs;

import java.util.ArrayList;
import java.util.List;
import org.tonearm.imports.RestoredListen;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.IngestStatus;
import org.tonearm.listens.ListenService;

/**
 * Replays restored listens (the account export) through the funnel so that each becomes the same stored listen it
 * was: the same kept report, the others absorbed. The funnel keeps the first report of a play and lets a later one
 * take over only when its source ranks strictly higher (docs/api.md#deduplication merge priority), so the reports go in three rounds,
 * one {@code ingestBatch} each, inside the caller's transaction:
 * <ol>
 *   <li>absorbed reports ranking below the kept one: they create the listen (the canonical order of the batch
 *       decides which of them first; the kept report replaces it next anyway);</li>
 *   <li>the kept reports: each creates its listen or takes it over, since it ranks higher;</li>
 *   <li>absorbed reports ranking as high as the kept one: they join it and, ranking no higher, leave it kept.</li>
 * </ol>
 * The listens of one batch never interact ({@link ReplayConflicts}), so these rounds equal replaying each listen
 * alone. A restored listen counts once: created when any of its reports created a listen, else merged when any was
 * folded into an existing one, else duplicate (a re-import adds nothing).
 */
final class RestoredListenReplay {

    private RestoredListenReplay() {}

    record Counts(long created, long merged, long duplicates) {}

    static Counts replay(ListenService funnel, List<RestoredListen> listens) {
        int n = listens.size();
        IngestStatus[] outcome = new IngestStatus[n];
        List<List<IncomingListen>> rounds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Integer>> owners = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            RestoredListen listen = listens.get(i);
            int kept = priority(listen.primary());
            add(rounds, owners, 1, listen.primary(), i);
            for (IncomingListen report : listen.absorbed()) {
                add(rounds, owners, priority(report) < kept ? 0 : 2, report, i);
            }
        }
        for (int round = 0; round < 3; round++) {
            if (rounds.get(round).isEmpty()) {
                continue;
            }
            List<IngestResult> results = funnel.ingestBatch(rounds.get(round));
            for (int k = 0; k < results.size(); k++) {
                int owner = owners.get(round).get(k);
                outcome[owner] = stronger(outcome[owner], results.get(k).status());
            }
        }
        long created = 0;
        long merged = 0;
        long duplicates = 0;
        for (IngestStatus status : outcome) {
            switch (status) {
                case CREATED -> created++;
                case MERGED -> merged++;
                case DUPLICATE -> duplicates++;
                case REFUSED -> { } // BatchingSink reports a restored listen the funnel would refuse as a failed row
            }
        }
        return new Counts(created, merged, duplicates);
    }

    private static void add(List<List<IncomingListen>> rounds, List<List<Integer>> owners, int round,
            IncomingListen report, int owner) {
        rounds.get(round).add(report);
        owners.get(round).add(owner);
    }

    private static int priority(IncomingListen report) {
        return report.service().priorityVia(report.channel());
    }

    /** created beats merged beats duplicate beats refused. */
    private static IngestStatus stronger(IngestStatus a, IngestStatus b) {
        if (a == null || a == IngestStatus.REFUSED) {
            return b;
        }
        if (b == IngestStatus.REFUSED) {
            return a;
        }
        if (a == IngestStatus.CREATED || b == IngestStatus.CREATED) {
            return IngestStatus.CREATED;
        }
        return a == IngestStatus.MERGED || b == IngestStatus.MERGED ? IngestStatus.MERGED : IngestStatus.DUPLICATE;
    }
}
