package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.tonearm.imports.ImportFileException;

/**
 * RFC 4180 records: fields separated by {@code delimiter}, optionally quoted with {@code "}, {@code ""} for a quote,
 * line breaks (LF, CRLF or CR) inside quotes kept. Lenient like spreadsheet tools: a quote inside an unquoted
 * field is a literal character, text after a closing quote is appended. A record is at most
 * {@link #MAX_RECORD} chars, so an unterminated quote cannot swallow the memory.
 */
final class CsvReader {

    static final int MAX_RECORD = 1 << 20;

    private final TextInput input;
    private final char delimiter;
    private long line = 1;

    CsvReader(InputStream in, char delimiter) {
        this.input = new TextInput(in);
        this.delimiter = delimiter;
    }

    CsvReader(InputStream in) {
        this(in, ',');
    }

    /** The next record, or null at the end of the file. */
    CsvRecord next() throws IOException, ImportFileException {
        int c = input.read();
        if (c < 0) {
            return null;
        }
        long startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (raw.length() > MAX_RECORD) {
                throw new ImportFileException("the record starting on line " + startLine + " is longer than "
                        + MAX_RECORD + " characters (an unterminated quote?)");
            }
            if (c < 0) {
                fields.add(field.toString());
                return new CsvRecord(startLine, List.copyOf(fields), raw.toString(), !quoted);
            }
            char ch = (char) c;
            if (quoted) {
                raw.append(ch);
                if (ch == '"') {
                    if (input.peek() == '"') {
                        raw.append((char) input.read());
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n' || (ch == '\r' && input.peek() != '\n')) {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && input.peek() == '\n') {
                    input.read();
                }
                line++;
                fields.add(field.toString());
                return new CsvRecord(startLine, List.copyOf(fields), raw.toString(), true);
            } else {
                raw.append(ch);
                if (ch == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                    c = input.read();
                    continue;
                }
                if (ch == '"' && fieldStart) {
                    quoted = true;
                } else {
                    field.append(ch);
                }
            }
            fieldStart = false;
            c = input.read();
        }
    }
}
