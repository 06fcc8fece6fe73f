package org.tonearm.imports.internal.format;

import java.util.function.Function;
import java.util.function.Supplier;
import org.tonearm.imports.ImportSink;
import org.tonearm.listens.IncomingListen;
import tools.jackson.databind.JsonNode;

/**
 * Maps one row and reports it exactly once: a listen, a skip ({@link RowSkipped}) or a failure
 * ({@link RowRejected}, or any runtime error of the mapping — a bad row never stops the file, docs/api.md#imports-and-exports).
 */
final class RowEmitter {

    private RowEmitter() {}

    static void emit(ImportSink sink, long rowNumber, String raw, Supplier<IncomingListen> mapping) {
        IncomingListen listen;
        try {
            listen = mapping.get();
        } catch (RowSkipped skipped) {
            sink.skipped(rowNumber, skipped.getMessage());
            return;
        } catch (RowRejected rejected) {
            sink.failed(rowNumber, rejected.getMessage(), raw);
            return;
        } catch (RuntimeException unexpected) {
            sink.failed(rowNumber, "unreadable row: " + unexpected.getClass().getSimpleName(), raw);
            return;
        }
        sink.listen(rowNumber, listen);
    }

    /** A JSON row: its compact text is computed once and serves as raw text and for the mapping. */
    static void emitJson(ImportSink sink, long rowNumber, JsonNode row, Function<String, IncomingListen> mapping) {
        emitJson(sink, rowNumber, row.toString(), mapping);
    }

    /** A JSON row whose compact text {@code raw} was read along with it ({@link JsonArrayWalker#rowsWithText}). */
    static void emitJson(ImportSink sink, long rowNumber, String raw, Function<String, IncomingListen> mapping) {
        emit(sink, rowNumber, raw, () -> mapping.apply(raw));
    }
}
