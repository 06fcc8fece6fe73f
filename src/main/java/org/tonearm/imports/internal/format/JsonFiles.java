package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import org.tonearm.imports.ImportFileException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streaming access to a JSON import file: the body walks the token stream and reads one row at a time as a
 * tree ({@link JsonArrayWalker}), so memory stays constant whatever the file size (docs/api.md#imports-and-exports).
 * Syntax errors end the file with an {@link ImportFileException}; rows before them are already reported.
 */
final class JsonFiles {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    interface Body {
        void walk(JsonParser parser) throws ImportFileException;
    }

    private JsonFiles() {}

    static void read(InputStream in, Body body) throws IOException, ImportFileException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() == null) {
                throw new ImportFileException("the file is empty");
            }
            body.walk(parser);
        } catch (JacksonIOException e) {
            throw e.getCause() != null ? e.getCause() : new IOException(e.getMessage(), e);
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            throw new ImportFileException("the file is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
