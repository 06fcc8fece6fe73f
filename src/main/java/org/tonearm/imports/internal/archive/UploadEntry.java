package org.tonearm.imports.internal.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file of an upload: the upload itself, or one file inside a zip.
 *
 * @param index position in the upload (zip order, folders included), stable across runs: the resume point
 * @param name  the path inside the zip, or the upload's file name
 * @param head  the first bytes (up to {@link UploadReader#HEAD_SIZE}) for format detection
 * @param body  the whole content, head included
 */
public record UploadEntry(int index, String name, byte[] head, InputStream body) {

    /** Reads an entry's content; the visitor returns false to stop early (the job was cancelled). */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(UploadEntry entry) throws IOException, org.tonearm.imports.ImportFileException;
    }

    /** Entries before the resume point are skipped without reading their heads. */
    @FunctionalInterface
    public interface Filter {
        boolean wanted(int index);
    }
}
