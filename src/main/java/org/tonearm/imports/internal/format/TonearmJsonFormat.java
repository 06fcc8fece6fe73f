package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Tonearm's own JSON (docs/formats.md): {@code {"listens":[…]}} whose items are the native API's listen-in
 * shape (docs/api.md#imports-and-exports); other top-level properties (format marker, export time) are ignored. External id: the
 * item's {@code external_id}, else a hash of the item.
 */
@Component
public class TonearmJsonFormat implements ImportFormat {

    public static final String ID = "tonearm_json";

    private final TonearmListenMapper mapper;

    public TonearmJsonFormat() {
        this(ImportRowRules.systemClock());
    }

    TonearmJsonFormat(ImportRowRules rules) {
        this.mapper = new TonearmListenMapper(rules);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        String text = Sniff.text(head);
        return Sniff.startsWith(text, '{') && Sniff.hasKeys(text, "listens", "listened_at", "artist", "track")
                && !Sniff.hasKeys(text, "track_metadata");
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        JsonFiles.read(in, parser -> {
            JsonArrayWalker walker = new JsonArrayWalker(parser, sink);
            boolean found = walker.property("listens", () -> {
                walker.expect(JsonToken.START_ARRAY, "an array of listens");
                return walker.elements((rowNumber, row) -> RowEmitter.emitJson(sink, rowNumber, row,
                        raw -> listen(row, raw, context)));
            });
            if (!found && !sink.cancelled()) {
                throw new ImportFileException("expected a Tonearm export with \"listens\"");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private IncomingListen listen(JsonNode row, String raw, ImportContext context) {
        if (!row.isObject()) {
            throw new RowRejected("a listen must be a JSON object");
        }
        JsonNode extraNode = Json.object(row, "extra");
        Map<String, Object> extra = extraNode == null ? null
                : new LinkedHashMap<>(JsonFiles.MAPPER.convertValue(extraNode, Map.class));
        return mapper.map(new TonearmListenMapper.Row(Json.text(row, "listened_at"), Json.text(row, "artist"),
                Json.texts(row, "artists"), Json.text(row, "track"), Json.text(row, "album"),
                Json.text(row, "duration_played_ms"), Json.text(row, "track_length_ms"), Json.text(row, "service"),
                Json.text(row, "client"), Json.text(row, "external_id"), extra, raw), context, ID);
    }
}
