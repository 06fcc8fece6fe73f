package org.tonearm.imports.internal.archive;

import java.io.IOException;

/** An upload broke a zip-bomb guard: the job fails with this message as its reason. */
public class ArchiveLimitException extends IOException {

    public ArchiveLimitException(String message) {
        super(message);
    }
}
