package org.tonearm.integrations.internal.scrobbling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.tonearm.listens.IngestResult;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a Last.fm or ListenBrainz pull stands, stored as the connection's {@code backfill} JSON after every committed
 * page, so a restart resumes at the next page (docs/api.md#connections). The counters are the import job's
 * (docs/api.md#imports-and-exports): {@code rows} read, {@code imported} new listens, {@code duplicates} already
 * recorded (a page read twice, an overlap) plus {@code merged} into a listen from another source, {@code skipped}
 * refused by the funnel's sanity gate, {@code failed} unreadable items.
 *
 * @param phase {@code backfill} (the whole history, newest to oldest) then {@code mirror} (new plays only)
 * @param until Last.fm: the {@code to} fixed at the backfill's start (epoch s), so scrobbles arriving meanwhile do
 *        not shift the pages; ListenBrainz: the {@code max_ts} of the next page
 * @param page Last.fm: the next page to read (1-based)
 * @param totalPages Last.fm's {@code totalPages} as last seen; null for ListenBrainz
 * @param total the history's size when the service says it (Last.fm {@code total}), else null
 * @param newest the newest play seen (epoch s): the mirror phase reads from there (less a look-back)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PullProgress(String phase, Long until, Integer page, Integer totalPages, Long total, Long newest,
        long rows, long imported, long duplicates, long merged, long skipped, long failed, Long startedAt,
        Long finishedAt) {

    public static final String BACKFILL = "backfill";
    public static final String MIRROR = "mirror";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static PullProgress start(long nowMs) {
        return new PullProgress(BACKFILL, null, 1, null, null, null, 0, 0, 0, 0, 0, 0, nowMs, null);
    }

    public static PullProgress parse(String json, long nowMs) {
        return json == null || json.isBlank() ? start(nowMs) : JSON.readValue(json, PullProgress.class);
    }

    public String json() {
        return JSON.writeValueAsString(this);
    }

    public boolean backfilling() {
        return BACKFILL.equals(phase);
    }

    /**
     * The counters after one ingested page; {@code unreadable} items the parser had to leave out. In the mirror phase
     * the plays read again by the look-back are not counted: they are the same rows, not new duplicates.
     */
    public PullProgress counted(List<IngestResult> results, int unreadable, Long newestOnPage) {
        boolean countDuplicates = backfilling();
        long created = 0;
        long dup = 0;
        long mer = 0;
        long refused = 0;
        for (IngestResult r : results) {
            switch (r.status()) {
                case CREATED -> created++;
                case DUPLICATE -> dup++;
                case MERGED -> mer++;
                case REFUSED -> refused++;
            }
        }
        long read = results.size() + unreadable - (countDuplicates ? 0 : dup);
        dup = countDuplicates ? dup : 0;
        Long n = newestOnPage == null ? newest : newest == null ? newestOnPage : Math.max(newest, newestOnPage);
        return new PullProgress(phase, until, page, totalPages, total, n, rows + read,
                imported + created, duplicates + dup, merged + mer, skipped + refused, failed + unreadable, startedAt,
                finishedAt);
    }

    public PullProgress at(Long until, Integer page, Integer totalPages, Long total) {
        return new PullProgress(phase, until, page, totalPages, total, newest, rows, imported, duplicates, merged,
                skipped, failed, startedAt, finishedAt);
    }

    /** The backfill has read the oldest page: from now on only new plays. */
    public PullProgress mirroring(long nowMs) {
        return new PullProgress(MIRROR, until, page, totalPages, total, newest, rows, imported, duplicates, merged,
                skipped, failed, startedAt, nowMs);
    }

    /** The import job's {@code rows_per_second} as of this progress (stored with it, shown by the connection). */
    @JsonProperty("rows_per_second")
    public Double rowsPerSecondSoFar() {
        return rowsPerSecond(finishedAt != null ? finishedAt : System.currentTimeMillis());
    }

    /** The import job's rate: rows per second since the start (to the finish when done), one decimal. */
    public Double rowsPerSecond(long nowMs) {
        if (startedAt == null) {
            return null;
        }
        long end = finishedAt != null ? finishedAt : nowMs;
        return Math.round(rows / Math.max(0.001, (end - startedAt) / 1000.0) * 10) / 10.0;
    }
}
