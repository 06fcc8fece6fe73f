package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportSink;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** JSON Lines: one JSON value per line, blank lines ignored; a line that is not JSON fails alone. */
final class JsonLines {

    private JsonLines() {}

    static void read(InputStream in, ImportSink sink, JsonArrayWalker.RowHandler handler)
            throws IOException, ImportFileException {
        LineReader lines = new LineReader(in);
        String line;
        while ((line = lines.next()) != null && !sink.cancelled()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = JsonFiles.MAPPER.readTree(line);
            } catch (JacksonException e) {
                sink.failed(lines.lineNumber(), "not valid JSON: " + e.getOriginalMessage(), line);
                continue;
            }
            handler.row(lines.lineNumber(), row);
        }
    }
}
