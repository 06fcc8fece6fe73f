package org.tonearm.imports.internal.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.tonearm.imports.ImportFileException;

/**
 * Walks an uploaded file as a sequence of {@link UploadEntry}s: a zip (any mix of formats, in folders) entry by
 * entry, streamed, never unpacked to disk; any other file as its only entry. Memory stays constant.
 */
public final class UploadReader {

    /** What format detection sees of each file (ImportFormat#detect: up to 64 KiB). */
    public static final int HEAD_SIZE = 64 * 1024;

    private final ArchiveLimits limits;
    private CountingInputStream counting;

    public UploadReader(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** Bytes of the upload read so far (progress). */
    public long bytesRead() {
        return counting == null ? 0 : counting.count();
    }

    public static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            // local file header, or the end record of an empty archive
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
                    && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
        }
    }

    public static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_SIZE);
        }
    }

    /** Returns the number of entries seen (files and folders). */
    public int read(Path file, String uploadName, UploadEntry.Filter filter, UploadEntry.Visitor visitor)
            throws IOException, ImportFileException {
        boolean zip = isZip(file);
        try (InputStream raw = Files.newInputStream(file)) {
            counting = new CountingInputStream(new BufferedInputStream(raw, 64 * 1024));
            if (!zip) {
                BufferedInputStream body = new BufferedInputStream(counting, HEAD_SIZE);
                visitor.visit(new UploadEntry(0, uploadName, head(body), body));
                return 1;
            }
            return readZip(filter, visitor);
        }
    }

    private int readZip(UploadEntry.Filter filter, UploadEntry.Visitor visitor) throws IOException, ImportFileException {
        ArchiveBudget budget = new ArchiveBudget(limits, counting);
        int index = 0;
        try (ZipInputStream zip = new ZipInputStream(counting)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; index++) {
                budget.entry();
                GuardedEntryStream guarded = new GuardedEntryStream(zip, budget);
                if (!entry.isDirectory() && !isOsClutter(entry.getName()) && filter.wanted(index)) {
                    BufferedInputStream body = new BufferedInputStream(guarded, HEAD_SIZE);
                    if (!visitor.visit(new UploadEntry(index, entry.getName(), head(body), body))) {
                        return index + 1;
                    }
                }
                guarded.drain();
            }
        } catch (java.util.zip.ZipException e) {
            throw new ImportFileException("the zip archive is damaged: " + e.getMessage(), e);
        }
        return index;
    }

    private static byte[] head(BufferedInputStream body) throws IOException {
        body.mark(HEAD_SIZE);
        byte[] head = body.readNBytes(HEAD_SIZE);
        body.reset();
        return Arrays.copyOf(head, head.length);
    }

    /** macOS's Finder adds resource forks to every zip it makes: they are not history files. */
    private static boolean isOsClutter(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || base.startsWith("._") || base.equals(".DS_Store");
    }
}
