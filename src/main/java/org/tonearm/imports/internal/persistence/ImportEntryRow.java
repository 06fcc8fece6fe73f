package org.tonearm.imports.internal.persistence;

/**
 * One file of an upload as its job's report shows it (docs/api.md#imports-and-exports): a zip's entry, or the single
 * uploaded file as entry 0.
 *
 * @param format     the format it was read as, null when skipped
 * @param skipReason why it was not read, null when read
 * @param rowCount   rows read from it, null until it was read to its end
 */
public record ImportEntryRow(int index, String name, String format, String skipReason, Long rowCount, long imported,
        long merged, long duplicates, long skipped, long failed) {}
