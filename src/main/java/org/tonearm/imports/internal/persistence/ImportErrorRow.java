package org.tonearm.imports.internal.persistence;

/** One line of a job's error report; {@code rowNumber} 0 means the whole entry (e.g. a file of no known format). */
public record ImportErrorRow(long rowNumber, String entryName, String reason, String raw) {}
