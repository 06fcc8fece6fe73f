/**
 * One class per history export format (docs/api.md#imports-and-exports), each a Spring bean implementing
 * {@link org.tonearm.imports.ImportFormat}; the list and their rules is docs/formats.md.
 *
 * <h2>How a format reads a file</h2>
 * <ol>
 *   <li>stream the file: JSON through Jackson's token stream with one row at a time read as a small tree
 *       ({@code JsonFiles}, {@code JsonArrayWalker}), JSON Lines line by line ({@code JsonLines}), CSV with an
 *       RFC 4180 reader ({@code CsvReader}; BOM, CRLF, quoted commas and line breaks) — memory stays constant.
 *       The Spotify formats, whose rows are flat objects and whose files reach a million rows, read each row's tree
 *       and its compact text (the listen's raw) in one pass over its tokens ({@code FlatJsonRows}, same result as
 *       tree + {@code toString()}); {@code Times.iso} reads the common {@code yyyy-MM-ddTHH:mm:ssZ} digit by digit
 *       before falling back to the general ISO parsers;</li>
 *   <li>map each row to an {@code ImportedListen} (channel IMPORT, origin = the format id, raw = the row's text),
 *       throwing {@code RowSkipped} for valid non-music rows and {@code RowRejected} for unreadable ones;</li>
 *   <li>{@code ImportedListen.build()} checks every value against {@link
 *       org.tonearm.imports.internal.format.ImportRowRules} (the native API's limits);</li>
 *   <li>{@code RowEmitter} reports each row exactly once to the {@code ImportSink}: listen, skipped or failed —
 *       a bad row never stops the file; only an unreadable file throws {@code ImportFileException}.</li>
 * </ol>
 * Row numbers are file line numbers for line formats (CSV, JSON Lines, scrobbler.log) and the row's position
 * (from 1) in JSON arrays; they only grow, so a resumed job can skip rows it has already committed.
 * External ids are stable per row (documented on each format) so a re-import adds nothing (docs/api.md#listens).
 */
package org.tonearm.imports.internal.format;
