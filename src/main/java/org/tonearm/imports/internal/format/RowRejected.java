package org.tonearm.imports.internal.format;

/** A row that cannot be read: becomes {@code ImportSink.failed} with this reason. */
public class RowRejected extends RuntimeException {

    public RowRejected(String reason) {
        super(reason, null, false, false);
    }
}
