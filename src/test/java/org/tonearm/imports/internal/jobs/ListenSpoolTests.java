package org.tonearm.imports.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

/** The import's external sort (docs/formats.md#row-order): time order whatever the input order, on disk or not. */
class ListenSpoolTests {

    @TempDir
    Path dir;

    private static IncomingListen listen(int i, long at, TimeStamp stamp, Long played) {
        return new IncomingListen(1, new TrackCredit("Artist " + (i % 5), List.of("Artist " + (i % 5)), "Song " + i,
                i % 2 == 0 ? null : "Album", i % 3 == 0 ? null : 200_000L, Identifiers.NONE), at, stamp, played,
                Service.APPLE_MUSIC, Channel.IMPORT, "apple_music", null, "x" + (i % 7), Map.of("skipped", i % 2 == 0),
                "row \"" + i + "\"\nwith a line break");
    }

    private static List<ListenSpool.Spooled> drain(ListenSpool spool) {
        List<ListenSpool.Spooled> out = new ArrayList<>();
        for (Iterator<ListenSpool.Spooled> it = spool.sorted(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void runsWrittenToDiskMergeIntoTheSameOrderAsOneSortInMemoryWhateverTheInputOrder() throws IOException {
        List<IncomingListen> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            boolean end = i % 4 == 0;
            rows.add(listen(i, 1_700_000_000_000L + (i * 7_919L) % 100_000, end ? TimeStamp.END : TimeStamp.START,
                    end && i % 8 == 0 ? null : 30_000L + i));
        }
        List<ListenSpool.Spooled> inMemory;
        try (ListenSpool spool = new ListenSpool(dir, "a-", 10_000)) {
            for (int i = 0; i < rows.size(); i++) {
                spool.add(0, i + 1, rows.get(i));
            }
            inMemory = drain(spool);
        }
        Collections.shuffle(rows, new Random(17));
        List<ListenSpool.Spooled> merged;
        try (ListenSpool spool = new ListenSpool(dir, "b-", 7)) {
            for (int i = 0; i < rows.size(); i++) {
                spool.add(0, i + 1, rows.get(i));
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.count()).as("sorted runs on disk").isEqualTo(500 / 7);
            }
            merged = drain(spool);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("run files deleted on close").isEmpty();
        }

        assertThat(merged).hasSize(500);
        // the same listens in the same order (row numbers differ: the file order was shuffled)
        assertThat(merged.stream().map(ListenSpool.Spooled::listen).toList())
                .isEqualTo(inMemory.stream().map(ListenSpool.Spooled::listen).toList());
        for (int i = 1; i < merged.size(); i++) {
            assertThat(merged.get(i).startMs()).isGreaterThanOrEqualTo(merged.get(i - 1).startMs());
        }
    }

    @Test
    void anEndStampIsSortedByTheStartItImplies() {
        // ends at T+100 s after 90 s played: started at T+10 s, before a play started at T+20 s
        IncomingListen ended = listen(1, 1_700_000_100_000L, TimeStamp.END, 90_000L);
        IncomingListen started = listen(2, 1_700_000_020_000L, TimeStamp.START, 60_000L);
        // no played duration: the track length given (200 s) is subtracted
        IncomingListen endedUnknownPlayed = listen(4, 1_700_000_215_000L, TimeStamp.END, null);
        assertThat(ListenSpool.estimatedStart(ended)).isEqualTo(1_700_000_010_000L);
        assertThat(ListenSpool.estimatedStart(endedUnknownPlayed)).isEqualTo(1_700_000_015_000L);
        try (ListenSpool spool = new ListenSpool(dir, "c-", 2)) {
            spool.add(0, 1, started);
            spool.add(0, 2, ended);
            spool.add(0, 3, endedUnknownPlayed);
            assertThat(drain(spool)).extracting(ListenSpool.Spooled::listen)
                    .containsExactly(ended, endedUnknownPlayed, started);
        }
    }
}
