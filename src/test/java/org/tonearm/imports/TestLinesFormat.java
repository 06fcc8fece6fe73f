package org.tonearm.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

/**
 * A tiny import format for the job pipeline's tests, independent of the real parsers: files named
 * {@code *.testlines}, one play per line {@code artist|title|epoch seconds|played ms}. {@code #skip} lines are
 * skipped rows, {@code #sleep N} pauses N ms (to stop a job mid-way), {@code #crawl N} too but only when
 * {@link #CRAWL_PROPERTY} is set, {@code #broken} makes the file unreadable, {@code #bug} throws as a parser bug would,
 * anything else malformed is a failed row.
 */
@Component
public class TestLinesFormat implements ImportFormat {

    public static final String ID = "test_lines";
    /** {@code #crawl N} lines pause only in a JVM started with -Dtonearm.test.crawl=true (the one we kill). */
    public static final String CRAWL_PROPERTY = "tonearm.test.crawl";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        return fileName.endsWith(".testlines");
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long row = 0;
        for (String line; (line = reader.readLine()) != null && !sink.cancelled(); ) {
            row++;
            if (line.startsWith("#sleep ")) {
                sleep(Long.parseLong(line.substring(7).trim()));
            } else if (line.startsWith("#crawl ")) {
                if (Boolean.getBoolean(CRAWL_PROPERTY)) {
                    sleep(Long.parseLong(line.substring(7).trim()));
                }
            } else if (line.equals("#broken")) {
                throw new ImportFileException("line " + row + " is not a test line at all");
            } else if (line.equals("#bug")) {
                throw new IllegalStateException("a parser bug at line " + row);
            } else if (line.equals("#skip")) {
                sink.skipped(row, "not music");
            } else {
                String[] f = line.split("\\|");
                if (f.length != 4 || !f[2].matches("\\d+")) {
                    sink.failed(row, "expected artist|title|seconds|ms", line);
                } else {
                    sink.listen(row, new IncomingListen(context.userId(), TrackCredit.of(f[0], f[1], null),
                            Long.parseLong(f[2]) * 1000, TimeStamp.START, Long.parseLong(f[3]), Service.SPOTIFY,
                            null, null, "test", context.fileName() + ":" + row, null, line));
                }
            }
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }
}
