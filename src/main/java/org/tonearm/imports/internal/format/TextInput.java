package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text of an import file, one char at a time through its own buffer. A leading byte order mark
 * (Excel and Apple write one) is dropped; invalid UTF-8 becomes U+FFFD instead of failing the file.
 */
final class TextInput {

    private final Reader reader;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean started;

    TextInput(InputStream in) {
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The next char, or -1 at the end. */
    int read() throws IOException {
        if (position == limit) {
            limit = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        char c = buffer[position++];
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                return read();
            }
        }
        return c;
    }

    /** Looks at the next char without consuming it, or -1 at the end. */
    int peek() throws IOException {
        int c = read();
        if (c >= 0) {
            position--;
        }
        return c;
    }
}
