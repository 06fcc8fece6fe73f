package org.tonearm.imports.internal.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;

/** Loads fixtures from src/test/resources/fixtures/imports/ and runs a format over them. */
final class Fixtures {

    static final long USER_ID = 42L;

    private Fixtures() {}

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/imports/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CollectingSink parse(ImportFormat format, String path) throws IOException, ImportFileException {
        return parseBytes(format, path, bytes(path));
    }

    static CollectingSink parseBytes(ImportFormat format, String fileName, byte[] content)
            throws IOException, ImportFileException {
        CollectingSink sink = new CollectingSink();
        format.parse(new ByteArrayInputStream(content), new ImportContext(USER_ID, fileName), sink);
        return sink;
    }

    /** What {@code ImportFormat.detect} sees: the upload's name and its first 64 KiB. */
    static boolean detects(ImportFormat format, String fileName, String path) {
        byte[] content = bytes(path);
        return format.detect(fileName, Arrays.copyOf(content, Math.min(content.length, 64 * 1024)));
    }
}
