package org.tonearm.integrations.internal.listenbrainz;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tonearm.integrations.internal.listenbrainz.ListensPage.RemoteListen;
import org.tonearm.integrations.internal.scrobbling.PullProgress;
import org.tonearm.integrations.internal.scrobbling.PullProperties;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.ListenService;

/**
 * One step of pulling a ListenBrainz history (docs/api.md#connections), committed through the one funnel before the
 * progress is returned (see {@link org.tonearm.integrations.internal.lastfm.LastFmPull}).
 * <ol>
 *   <li><b>Backfill</b>: {@code GET /1/user/{user}/listens?max_ts=…&count=1000} (the page size), newest to
 *       oldest; the first {@code max_ts} is the job's start, each next one the oldest {@code listened_at} of the
 *       page + 1 s — ListenBrainz returns listens strictly before {@code max_ts}, so plays sharing the page's last
 *       second are read again rather than skipped (the funnel answers them as duplicates); a page without any item
 *       ends it (a page of only unreadable items does not: they are counted as failed and paged past).</li>
 *   <li><b>Mirror</b>: the same paging from now down to the newest play seen less the look-back ({@code min_ts} is
 *       not combined with {@code max_ts}: ListenBrainz refuses both at once).</li>
 * </ol>
 */
@Component
public class ListenBrainzPull {

    private final ListenBrainzClient client;
    private final ListenService listens;
    private final PullProperties properties;
    private final Clock clock = Clock.systemUTC();

    public ListenBrainzPull(ListenBrainzClient client, ListenService listens, PullProperties properties) {
        this.client = client;
        this.listens = listens;
        this.properties = properties;
    }

    /** @param token the user's token, or null for public listens */
    public PullProgress step(long userId, String user, String token, PullProgress progress) {
        return progress.backfilling() ? backfill(userId, user, token, progress) : mirror(userId, user, token, progress);
    }

    private PullProgress backfill(long userId, String user, String token, PullProgress progress) {
        long maxTs = progress.until() != null ? progress.until() : clock.millis() / 1000 + 1;
        ListensPage read = client.listens(user, maxTs, null, token);
        if (read.oldest() == null) {
            // no item with a time before max_ts: the oldest listen is in
            PullProgress done = progress.at(maxTs, null, null, null).mirroring(clock.millis());
            return ingest(userId, List.of(), read.unreadable(), done, done.newest() == null ? clock.millis() / 1000 : null);
        }
        // paged on every item's time, the unreadable ones' too: a page of only unreadable items is not the end
        PullProgress next = ingest(userId, read.listens(), read.unreadable(), progress, null);
        return next.at(nextMaxTs(read.oldest(), maxTs), null, null, null);
    }

    private PullProgress mirror(long userId, String user, String token, PullProgress progress) {
        long now = clock.millis() / 1000;
        long floor = (progress.newest() == null ? now : progress.newest()) - properties.lookBack().toSeconds();
        long maxTs = now + 1;
        PullProgress next = progress;
        while (true) {
            ListensPage read = client.listens(user, maxTs, null, token);
            List<RemoteListen> fresh = read.listens().stream().filter(l -> l.listenedAt() >= floor).toList();
            next = ingest(userId, fresh, 0, next, null);
            if (read.oldest() == null || read.oldest() < floor || read.size() < client.pageSize()) {
                return next; // reached what was already read, or the oldest listen
            }
            maxTs = nextMaxTs(read.oldest(), maxTs);
        }
    }

    /**
     * The oldest listen's second + 1, so that plays sharing that second on the next page are read again rather than
     * skipped; the oldest second itself when a whole page shares one second (else the same page would come back).
     */
    private static long nextMaxTs(long oldest, long maxTs) {
        return oldest + 1 < maxTs ? oldest + 1 : oldest;
    }

    private PullProgress ingest(long userId, List<RemoteListen> page, int unreadable, PullProgress progress,
            Long newestIfEmpty) {
        if (page.isEmpty()) {
            return progress.counted(List.of(), unreadable, newestIfEmpty);
        }
        List<IncomingListen> batch = page.stream().map(l -> ListenBrainzListens.toIncoming(userId, l)).toList();
        List<IngestResult> results = listens.ingestBatch(batch);
        return progress.counted(results, unreadable,
                page.stream().mapToLong(RemoteListen::listenedAt).max().orElseThrow());
    }
}
