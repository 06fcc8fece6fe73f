package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import org.tonearm.imports.ImportFileException;

/** Lines of a text file ending in LF, CRLF or CR, each at most {@link #MAX_LINE} chars (memory stays bounded). */
final class LineReader {

    static final int MAX_LINE = 1 << 20;

    private final TextInput input;
    private long lineNumber;

    LineReader(InputStream in) {
        this.input = new TextInput(in);
    }

    /** The number of the line last returned, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or null at the end. */
    String next() throws IOException, ImportFileException {
        int c = input.read();
        if (c < 0) {
            return null;
        }
        lineNumber++;
        StringBuilder line = new StringBuilder();
        while (c >= 0 && c != '\n' && c != '\r') {
            if (line.length() >= MAX_LINE) {
                throw new ImportFileException("line " + lineNumber + " is longer than " + MAX_LINE + " characters");
            }
            line.append((char) c);
            c = input.read();
        }
        if (c == '\r' && input.peek() == '\n') {
            input.read();
        }
        return line.toString();
    }
}
