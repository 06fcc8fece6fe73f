package org.tonearm.imports.internal.format;

/** A valid row that is not a music play (podcast, incognito, video…): becomes {@code ImportSink.skipped}. */
public class RowSkipped extends RuntimeException {

    public RowSkipped(String reason) {
        super(reason, null, false, false);
    }
}
