package org.tonearm.imports;

/** The whole file cannot be read (not the format it claims, truncated beyond repair…): the job fails with this reason. */
public class ImportFileException extends Exception {

    public ImportFileException(String reason) {
        super(reason);
    }

    public ImportFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
