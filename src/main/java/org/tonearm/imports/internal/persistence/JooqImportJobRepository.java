package org.tonearm.imports.internal.persistence;

import static org.tonearm.schema.Tables.IMPORT_ERRORS;
import static org.tonearm.schema.Tables.IMPORT_JOBS;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** import_jobs and import_errors. Every state change is a conditional update, so several nodes can share the table. */
@Repository
public class JooqImportJobRepository {

    private final Database database;

    public JooqImportJobRepository(Database database) {
        this.database = database;
    }

    public long insert(long userId, String format, boolean forced, String fileName, String filePath, long fileSize,
            boolean mayChangeProfile, long now) {
        return database.write(() -> database.dsl().insertInto(IMPORT_JOBS)
                .set(IMPORT_JOBS.USER_ID, userId).set(IMPORT_JOBS.STATUS, "queued").set(IMPORT_JOBS.FORMAT, format)
                .set(IMPORT_JOBS.FORMAT_FORCED, forced).set(IMPORT_JOBS.FILE_NAME, fileName)
                .set(IMPORT_JOBS.FILE_PATH, filePath).set(IMPORT_JOBS.FILE_SIZE, fileSize)
                .set(IMPORT_JOBS.MAY_CHANGE_PROFILE, mayChangeProfile).set(IMPORT_JOBS.CREATED_AT, now)
                .returning(IMPORT_JOBS.ID).fetchOne(IMPORT_JOBS.ID));
    }

    public Optional<ImportJobRow> find(long userId, long id) {
        return database.dsl().selectFrom(IMPORT_JOBS)
                .where(IMPORT_JOBS.USER_ID.eq(userId).and(IMPORT_JOBS.ID.eq(id)))
                .fetchOptional(JooqImportJobRepository::toRow);
    }

    public Optional<ImportJobRow> findById(long id) {
        return database.dsl().selectFrom(IMPORT_JOBS).where(IMPORT_JOBS.ID.eq(id))
                .fetchOptional(JooqImportJobRepository::toRow);
    }

    /** The caller's jobs, newest first. */
    public List<ImportJobRow> list(long userId, int limit) {
        return database.dsl().selectFrom(IMPORT_JOBS).where(IMPORT_JOBS.USER_ID.eq(userId))
                .orderBy(IMPORT_JOBS.ID.desc()).limit(limit).fetch(JooqImportJobRepository::toRow);
    }

    /** Jobs a worker may take: queued, or running on a node whose heartbeat stopped before {@code staleBefore}. */
    public List<Long> claimable(long staleBefore, int limit) {
        return database.dsl().select(IMPORT_JOBS.ID).from(IMPORT_JOBS).where(claimable(staleBefore))
                .orderBy(IMPORT_JOBS.ID).limit(limit).fetch(IMPORT_JOBS.ID);
    }

    /**
     * Takes the job for {@code node} if nobody else did first: the conditional update matches one row only for
     * the node whose update lands first (checked by the row count).
     */
    public boolean claim(long id, String node, long now, long staleBefore) {
        return database.write(() -> database.dsl().update(IMPORT_JOBS)
                .set(IMPORT_JOBS.STATUS, "running").set(IMPORT_JOBS.CLAIMED_BY, node)
                .set(IMPORT_JOBS.HEARTBEAT_AT, now)
                .set(IMPORT_JOBS.STARTED_AT, org.jooq.impl.DSL.coalesce(IMPORT_JOBS.STARTED_AT, now))
                .where(IMPORT_JOBS.ID.eq(id)).and(claimable(staleBefore)).execute()) == 1;
    }

    /** Stores a batch's counters and resume point; false when the job is no longer this node's (cancelled, re-claimed). */
    public boolean saveProgress(long id, String node, ImportProgress p, long now) {
        return database.write(() -> database.dsl().update(IMPORT_JOBS)
                .set(IMPORT_JOBS.BYTES_READ, p.bytesRead()).set(IMPORT_JOBS.IMPORTED, p.imported())
                .set(IMPORT_JOBS.MERGED, p.merged()).set(IMPORT_JOBS.DUPLICATES, p.duplicates())
                .set(IMPORT_JOBS.SKIPPED, p.skipped()).set(IMPORT_JOBS.FAILED, p.failed())
                .set(IMPORT_JOBS.SKIPPED_FILES, p.skippedFiles())
                .set(IMPORT_JOBS.CHECKPOINT_ENTRY, p.checkpointEntry()).set(IMPORT_JOBS.CHECKPOINT_ROW, p.checkpointRow())
                .set(IMPORT_JOBS.CHECKPOINT_SORTED, p.checkpointSorted())
                .set(IMPORT_JOBS.HEARTBEAT_AT, now)
                .where(ownedBy(id, node)).execute()) == 1;
    }

    public boolean heartbeat(long id, String node, long now) {
        return database.write(() -> database.dsl().update(IMPORT_JOBS).set(IMPORT_JOBS.HEARTBEAT_AT, now)
                .where(ownedBy(id, node)).execute()) == 1;
    }

    public void setFormat(long id, String format) {
        database.writeVoid(() -> database.dsl().update(IMPORT_JOBS).set(IMPORT_JOBS.FORMAT, format)
                .where(IMPORT_JOBS.ID.eq(id)).execute());
    }

    /** Ends a job this node runs: completed or failed (with a reason). */
    public boolean finish(long id, String node, String status, String error, long now) {
        return database.write(() -> database.dsl().update(IMPORT_JOBS)
                .set(IMPORT_JOBS.STATUS, status).set(IMPORT_JOBS.ERROR, error).set(IMPORT_JOBS.FINISHED_AT, now)
                .where(ownedBy(id, node)).execute()) == 1;
    }

    /** Hands a job back to the queue (this node is shutting down): the next poll of any node resumes it. */
    public void release(long id, String node) {
        database.writeVoid(() -> database.dsl().update(IMPORT_JOBS)
                .set(IMPORT_JOBS.STATUS, "queued").set(IMPORT_JOBS.CLAIMED_BY, (String) null)
                .where(ownedBy(id, node)).execute());
    }

    /** Hands back every job a node's runs hold (claims are {@code <node>/<run>}); returns how many. */
    public int releaseAll(String nodePrefix) {
        return database.write(() -> database.dsl().update(IMPORT_JOBS)
                .set(IMPORT_JOBS.STATUS, "queued").set(IMPORT_JOBS.CLAIMED_BY, (String) null)
                .where(IMPORT_JOBS.STATUS.eq("running")).and(IMPORT_JOBS.CLAIMED_BY.startsWith(nodePrefix)).execute());
    }

    /** Cancels a queued or running job of the user; the runner notices at its next batch. */
    public boolean cancel(long userId, long id, long now) {
        return database.write(() -> database.dsl().update(IMPORT_JOBS)
                .set(IMPORT_JOBS.STATUS, "cancelled").set(IMPORT_JOBS.FINISHED_AT, now)
                .where(IMPORT_JOBS.USER_ID.eq(userId)).and(IMPORT_JOBS.ID.eq(id))
                .and(IMPORT_JOBS.STATUS.in("queued", "running")).execute()) == 1;
    }

    /** Fails a job whoever holds it (its file vanished, say). */
    public void failUnclaimed(long id, String error, long now) {
        database.writeVoid(() -> database.dsl().update(IMPORT_JOBS)
                .set(IMPORT_JOBS.STATUS, "failed").set(IMPORT_JOBS.ERROR, error).set(IMPORT_JOBS.FINISHED_AT, now)
                .where(IMPORT_JOBS.ID.eq(id)).and(IMPORT_JOBS.STATUS.in("queued", "running")).execute());
    }

    /** Must run inside the batch's write transaction. */
    public void insertErrors(long userId, long jobId, List<ImportErrorRow> errors) {
        if (errors.isEmpty()) {
            return;
        }
        var insert = database.dsl().insertInto(IMPORT_ERRORS, IMPORT_ERRORS.USER_ID, IMPORT_ERRORS.JOB_ID,
                IMPORT_ERRORS.ROW_NUMBER, IMPORT_ERRORS.ENTRY_NAME, IMPORT_ERRORS.REASON, IMPORT_ERRORS.RAW);
        for (ImportErrorRow e : errors) {
            insert = insert.values(userId, jobId, e.rowNumber(), e.entryName(), e.reason(), e.raw());
        }
        insert.execute();
    }

    /** One line for the whole file (row 0) of a job that failed before or while reading it. */
    public void recordFileError(long userId, long jobId, String entryName, String reason) {
        String kept = reason != null && reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        database.writeVoid(() -> insertErrors(userId, jobId, List.of(new ImportErrorRow(0, entryName, kept, null))));
    }

    public List<ImportErrorRow> errors(long userId, long jobId, int limit) {
        return database.dsl().select(IMPORT_ERRORS.ROW_NUMBER, IMPORT_ERRORS.ENTRY_NAME, IMPORT_ERRORS.REASON,
                        IMPORT_ERRORS.RAW)
                .from(IMPORT_ERRORS).where(IMPORT_ERRORS.USER_ID.eq(userId)).and(IMPORT_ERRORS.JOB_ID.eq(jobId))
                .orderBy(IMPORT_ERRORS.ID).limit(limit)
                .fetch(r -> new ImportErrorRow(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public int errorCount(long jobId) {
        return database.dsl().fetchCount(IMPORT_ERRORS, IMPORT_ERRORS.JOB_ID.eq(jobId));
    }

    private static Condition claimable(long staleBefore) {
        return IMPORT_JOBS.STATUS.eq("queued")
                .or(IMPORT_JOBS.STATUS.eq("running").and(IMPORT_JOBS.HEARTBEAT_AT.lt(staleBefore)));
    }

    private static Condition ownedBy(long id, String node) {
        return IMPORT_JOBS.ID.eq(id).and(IMPORT_JOBS.STATUS.eq("running")).and(IMPORT_JOBS.CLAIMED_BY.eq(node));
    }

    private static ImportJobRow toRow(Record r) {
        var j = r.into(IMPORT_JOBS);
        return new ImportJobRow(j.getId(), j.getUserId(), j.getStatus(), j.getFormat(),
                Boolean.TRUE.equals(j.getFormatForced()), j.getFileName(), j.getFilePath(), j.getFileSize(),
                j.getBytesRead(), j.getImported(), j.getMerged(), j.getDuplicates(), j.getSkipped(), j.getFailed(),
                j.getSkippedFiles(), j.getCheckpointEntry(), j.getCheckpointRow(), j.getCheckpointSorted(), j.getError(), j.getCreatedAt(),
                j.getStartedAt(), j.getFinishedAt(), Boolean.TRUE.equals(j.getMayChangeProfile()));
    }
}
