package org.tonearm.imports.internal.persistence;

import static org.tonearm.schema.Tables.IMPORT_JOB_ENTRIES;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/**
 * import_job_entries: a job's report per file. Written only inside a batch's transaction (with its checkpoint), so
 * a resumed job neither loses nor double-counts: an entry is inserted once (a resumed run meets it again), its
 * counts grow by what each committed batch did, and its row count is set when it was read to its end.
 */
@Repository
public class JooqImportEntryRepository {

    private final Database database;

    public JooqImportEntryRepository(Database database) {
        this.database = database;
    }

    /** Must run inside the batch's write transaction. */
    public void insertIfAbsent(long userId, long jobId, int index, String name, String format, String skipReason) {
        database.dsl().insertInto(IMPORT_JOB_ENTRIES)
                .set(IMPORT_JOB_ENTRIES.JOB_ID, jobId).set(IMPORT_JOB_ENTRIES.ENTRY_INDEX, index)
                .set(IMPORT_JOB_ENTRIES.USER_ID, userId).set(IMPORT_JOB_ENTRIES.NAME, cut(name))
                .set(IMPORT_JOB_ENTRIES.FORMAT, format).set(IMPORT_JOB_ENTRIES.SKIP_REASON, cut(skipReason))
                .onConflictDoNothing().execute();
    }

    /** Must run inside the batch's write transaction. */
    public void setRowCount(long jobId, int index, long rows) {
        database.dsl().update(IMPORT_JOB_ENTRIES).set(IMPORT_JOB_ENTRIES.ROW_COUNT, rows)
                .where(IMPORT_JOB_ENTRIES.JOB_ID.eq(jobId)).and(IMPORT_JOB_ENTRIES.ENTRY_INDEX.eq(index)).execute();
    }

    /** Must run inside the batch's write transaction: one update per entry the batch touched. */
    public void add(long jobId, Map<Integer, EntryCounts> counts) {
        counts.forEach((index, c) -> {
            if (c.isEmpty()) {
                return;
            }
            database.dsl().update(IMPORT_JOB_ENTRIES)
                    .set(IMPORT_JOB_ENTRIES.IMPORTED, IMPORT_JOB_ENTRIES.IMPORTED.plus(c.imported()))
                    .set(IMPORT_JOB_ENTRIES.MERGED, IMPORT_JOB_ENTRIES.MERGED.plus(c.merged()))
                    .set(IMPORT_JOB_ENTRIES.DUPLICATES, IMPORT_JOB_ENTRIES.DUPLICATES.plus(c.duplicates()))
                    .set(IMPORT_JOB_ENTRIES.SKIPPED, IMPORT_JOB_ENTRIES.SKIPPED.plus(c.skipped()))
                    .set(IMPORT_JOB_ENTRIES.FAILED, IMPORT_JOB_ENTRIES.FAILED.plus(c.failed()))
                    .where(IMPORT_JOB_ENTRIES.JOB_ID.eq(jobId)).and(IMPORT_JOB_ENTRIES.ENTRY_INDEX.eq(index)).execute();
        });
    }

    /** The job's files in upload order (the caller checked that the job is the user's). */
    public List<ImportEntryRow> entries(long userId, long jobId) {
        return database.dsl().selectFrom(IMPORT_JOB_ENTRIES)
                .where(IMPORT_JOB_ENTRIES.USER_ID.eq(userId)).and(IMPORT_JOB_ENTRIES.JOB_ID.eq(jobId))
                .orderBy(IMPORT_JOB_ENTRIES.ENTRY_INDEX)
                .fetch(r -> new ImportEntryRow(r.getEntryIndex(), r.getName(), r.getFormat(), r.getSkipReason(),
                        r.getRowCount(), r.getImported(), r.getMerged(), r.getDuplicates(), r.getSkipped(),
                        r.getFailed()));
    }

    private static String cut(String s) {
        return s != null && s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
