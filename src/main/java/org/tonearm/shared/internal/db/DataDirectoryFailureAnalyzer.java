package org.tonearm.shared.internal.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Replaces the start-up stack trace of an unwritable data directory by its one-line cause and the fix. */
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectory.NotWritableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectory.NotWritableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Make the directory writable for the user running Tonearm, or point TONEARM_DATA_DIR elsewhere.", cause);
    }
}
