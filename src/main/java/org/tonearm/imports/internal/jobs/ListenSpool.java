package org.tonearm.imports.internal.jobs;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.TimeStamp;
import tools.jackson.databind.json.JsonMapper;

/**
 * An external merge sort of a job's listens into time order (docs/formats.md#row-order): rows are kept in memory up
 * to {@code runSize}, then written sorted to a run file next to the upload; {@link #sorted()} merges the runs. Memory
 * stays bounded whatever the file size: one run in memory while reading, one line per run while merging. The order
 * is total and depends on the rows' content only ({@link #ORDER}), so any order of the same rows — and any batch
 * size cut from the merged stream — gives the same sequence; a resumed job sorts to the same sequence again.
 */
final class ListenSpool implements AutoCloseable {

    /** One spooled row: its listen, where it came from (for the per-entry report) and its sort key. */
    record Spooled(long startMs, int entry, long row, IncomingListen listen) {}

    /**
     * The estimated start first (the funnel decides in start order: listens package-info), then the row's content,
     * so equal starts are ordered the same whatever their order in the file; file position only for identical rows.
     */
    static final Comparator<Spooled> ORDER = Comparator.comparingLong(Spooled::startMs)
            .thenComparing(s -> s.listen().service())
            .thenComparing(s -> s.listen().origin(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(s -> s.listen().externalId(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(s -> s.listen().raw(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(s -> s.listen().credit().artist())
            .thenComparing(s -> s.listen().credit().title())
            .thenComparingInt(Spooled::entry)
            .thenComparingLong(Spooled::row);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int READ_BUFFER = 16 * 1024;

    private final Path directory;
    private final String prefix;
    private final int runSize;
    private final List<Spooled> inMemory = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long size;
    private Merge merge;

    ListenSpool(Path directory, String prefix, int runSize) {
        this.directory = directory;
        this.prefix = prefix;
        this.runSize = runSize;
    }

    /**
     * The start the funnel will compute (docs/api.md#time-stamps): an END stamp minus the played duration, else minus
     * the track length the row gives. (A row stamped at its end with neither is placed at its end; the funnel may
     * take the length from the catalog instead.)
     */
    static long estimatedStart(IncomingListen l) {
        if (l.stamp() != TimeStamp.END) {
            return l.listenedAtMs();
        }
        Long played = l.durationPlayedMs() != null ? l.durationPlayedMs() : l.credit().lengthMs();
        return l.listenedAtMs() - (played == null ? 0 : played);
    }

    void add(int entry, long row, IncomingListen listen) {
        inMemory.add(new Spooled(estimatedStart(listen), entry, row, listen));
        size++;
        if (inMemory.size() >= runSize) {
            spill();
        }
    }

    /** Rows added so far. */
    long size() {
        return size;
    }

    /** Every row added, in {@link #ORDER}; call once, after the last {@link #add}. */
    Iterator<Spooled> sorted() {
        inMemory.sort(ORDER);
        if (runs.isEmpty()) {
            return inMemory.iterator();
        }
        spill();
        merge = new Merge(runs);
        return merge;
    }

    private void spill() {
        if (inMemory.isEmpty()) {
            return;
        }
        inMemory.sort(ORDER);
        try {
            Files.createDirectories(directory);
            Path run = Files.createTempFile(directory, prefix, ".run");
            runs.add(run);
            try (BufferedWriter out = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
                for (Spooled s : inMemory) {
                    out.write(JSON.writeValueAsString(s)); // JSON escapes line breaks: one row per line
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import's sort file in " + directory, e);
        }
        inMemory.clear();
    }

    @Override
    public void close() {
        inMemory.clear();
        if (merge != null) {
            merge.close();
        }
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException ignored) {
                // best effort: an orphan run file is harmless and named after its job
            }
        }
    }

    /** A k-way merge of sorted run files: one pending row per run. */
    private static final class Merge implements Iterator<Spooled> {

        private record Head(Spooled row, BufferedReader from) {}

        private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::row, ORDER));
        private final List<BufferedReader> open = new ArrayList<>();

        Merge(List<Path> runs) {
            for (Path run : runs) {
                try {
                    BufferedReader in = new BufferedReader(Files.newBufferedReader(run, StandardCharsets.UTF_8),
                            READ_BUFFER);
                    open.add(in);
                    advance(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private void advance(BufferedReader in) {
            try {
                String line = in.readLine();
                if (line == null) {
                    in.close();
                } else {
                    heads.add(new Head(JSON.readValue(line, Spooled.class), in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            for (BufferedReader in : open) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing a read-only file
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Spooled next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.from());
            return head.row();
        }
    }
}
