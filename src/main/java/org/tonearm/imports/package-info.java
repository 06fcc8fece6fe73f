/**
 * Imports and exports (docs/api.md#imports-and-exports): upload, the job runner, one class per file format ({@code internal.format}),
 * exports, and the {@code import} command line.
 *
 * <h2>Import job flow</h2>
 * <ol>
 *   <li>{@code POST /api/v1/imports}: the multipart {@code file} is streamed by the container to a temporary file
 *       and moved to {@code <data-dir>/imports/<uuid>.upload} (never held in memory; {@code tonearm.imports.max-upload-size},
 *       default 2 GB, drives Spring's multipart limit → 413). A single file of no known format, or an unknown
 *       {@code format} parameter, is refused at once with 400; a zip's files are only known while it is read, so a zip
 *       without any importable file fails its job ("no file of a known import format").</li>
 *   <li>A row in {@code import_jobs} (status {@code queued}) and 202 with the job. The runner wakes at once.</li>
 *   <li>{@code ImportJobRunner} (a bounded pool of {@code tonearm.imports.workers}, polling every second) claims a job
 *       with {@code update … set status='running', claimed_by=<node/run token> where id=? and (status='queued' or
 *       (status='running' and heartbeat_at < now − stale-after))} and checks the row count, so of several nodes exactly
 *       one wins, and a job whose node died is re-claimed. Each run has its own claim token, so a stalled run that lost
 *       its job can no longer write to it. The runner heartbeats its jobs every poll.</li>
 *   <li>{@code UploadReader} walks the upload: a zip entry by entry (streamed, folders and any mix of formats,
 *       macOS clutter ignored) under zip-bomb guards counted while inflating (entries, total inflated bytes, ratio —
 *       headers are never trusted); any other file as its one entry. Each file's format is detected from its name and
 *       first 64 KiB ({@link org.tonearm.imports.ImportFormats}); a zip file of no known format is skipped and reported
 *       in the error report with row 0 and counted in {@code skipped_files}.</li>
 *   <li>The format streams rows into {@code BatchingSink}, in two phases (docs/formats.md#row-order). Reading: every
 *       listen goes to {@code ListenSpool}, an external merge sort (runs of {@code tonearm.imports.sort-run-size} in
 *       memory, more in sorted run files next to the upload); skipped and failed rows (and an account export's
 *       restored listens) are batched every {@code tonearm.imports.batch-size} rows and committed with the checkpoint
 *       (entry index + last row number). Then the sorted listens are handed over in time order, in batches of
 *       {@code batch-size} (default 5,000, the funnel's group-commit cap, so one transaction per batch) cut only where
 *       the start time changes, so deduplication decides the whole upload as one batch would, whatever the row order
 *       or batch size. {@code ImportBatchWriter} commits each batch in ONE {@code Database.write}: the listens
 *       ({@code ListenService.ingestBatch}, which joins the transaction), the error lines (first {@code errors-kept} =
 *       1,000 kept, all counted), the report per file ({@code import_job_entries}) and the job's counters and
 *       checkpoints. A crash loses a batch together with its checkpoint; the resumed run reads every entry again,
 *       ignores reported rows ≤ the row checkpoint and skips the sorted listens ≤ {@code checkpoint_sorted}, so it
 *       ends with the same rows and counts.</li>
 *   <li><b>Pipelined</b> ({@code IngestPipeline}): the job's worker thread (renamed {@code import-<id>-read} while it
 *       runs the job) reads, parses and maps rows, while a thread of the job's own ({@code import-<id>-ingest})
 *       commits the batches it hands over, in order, through a bounded queue of 2 — so parsing the next batch
 *       overlaps the funnel's work on the previous one, and at most 4 batches (queued, being committed, being
 *       filled) are in memory whatever the file size. What stops the committing thread (cancel, a lost claim, node
 *       shutdown, a database error) reaches the reading thread at its next row or batch and ends the run as before;
 *       when reading fails (an unreadable file, a parser bug) the batches already handed over are still committed,
 *       exactly as a sequential run would have, and the job then fails with its reason. The committing thread is
 *       always joined before the job's end is recorded: no thread outlives its job.</li>
 *   <li>End: {@code completed}, or {@code failed} with a reason when a file cannot be read (rows already committed
 *       stay: they are real plays, and re-importing adds nothing). {@code DELETE} marks the job {@code cancelled}; the
 *       run notices at its next batch commit (whose transaction then rolls back) and stops reading. The upload is
 *       deleted when the job ends. A node shutting down hands its jobs back to the queue.</li>
 *   <li>Listens are visible to listings and statistics the moment their batch commits, so certainly when the job
 *       reports {@code completed}.</li>
 * </ol>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>Counters: {@code imported} = listens created; {@code duplicates} = rows that were already recorded (same
 *       source) plus rows merged into an existing listen from another source; {@code merged} = the latter alone;
 *       {@code processed} = imported + duplicates + skipped + failed. {@code total} is exact when the job is finished
 *       and, while it runs, estimated from the share of the upload's bytes read, which also gives {@code eta_seconds}.</li>
 *   <li>{@code format} in a job is the forced or detected format of a single file, or {@code zip}. A forced format in
 *       a zip is preferred for the files it recognizes; the other files still go through detection.</li>
 *   <li>Every imported listen goes through the funnel with channel {@code import} and origin = the format id.</li>
 *   <li>CLI: {@link org.tonearm.imports.ImportCommandLine} ({@code tonearm import --user NAME [--format ID] PATH…})
 *       submits each file as an ordinary job in the same process and follows them; it starts the application without a
 *       web server.</li>
 *   <li>Exports read listens through the listens module's {@link org.tonearm.listens.ListenArchive} (keyset pages,
 *       constant memory); this module has no SQL on the listens or catalog tables.</li>
 *   <li>Account export ({@code GET /api/v1/exports/account}, docs/formats.md): a zip of the profile settings, every
 *       listen with the reports of other sources it absorbed, and the (empty) corrections file. Its importer keeps
 *       each report's channel and origin — the one exception to "channel import" — so the listens arrive as they
 *       were recorded, and replays a listen's reports in rounds ({@code RestoredListenReplay}) so the funnel keeps the
 *       same report; listens that could trade reports never share a batch ({@code ReplayConflicts}: such a listen
 *       ends the batch early; the pipeline commits batches in order, so the earlier listen is stored first). Restored
 *       listens travel in the same {@code PendingBatch} as plain ones and are replayed in that batch's transaction.
 *       It applies the profile settings only for a job started by a login session or the CLI
 *       ({@code import_jobs.may_change_profile}), never for an API token.</li>
 * </ul>
 */
package org.tonearm.imports;
