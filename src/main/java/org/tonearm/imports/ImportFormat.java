package org.tonearm.imports;

import java.io.IOException;
import java.io.InputStream;

/**
 * One history export format (docs/api.md#imports-and-exports), as one class with a streaming parser: memory stays constant whatever
 * the file size. Implementations live in {@code imports.internal.format} and are Spring beans.
 */
public interface ImportFormat {

    /** Stable id used in the API's {@code format} parameter and in listens' origin, e.g. "spotify_extended". */
    String id();

    /**
     * Whether this format reads the entry {@code fileName} (the path inside a zip, or the upload's name)
     * whose first bytes are {@code head} (up to 64 KiB, fewer for small files). Must be cheap and never throw.
     */
    boolean detect(String fileName, byte[] head);

    /**
     * Streams the rows of one file to {@code sink}, in file order. A bad row is reported through
     * {@link ImportSink#failed} and parsing goes on; only an unreadable file throws {@link ImportFileException}.
     * {@code context} says which user and source the listens are for.
     */
    void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException;

    /**
     * For delimited-text formats: what a file needs to be recognised (header, columns), told to a user whose CSV no
     * format recognised. Null for formats that are not delimited text.
     */
    default String needs() {
        return null;
    }
}
