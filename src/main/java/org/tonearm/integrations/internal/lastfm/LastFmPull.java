package org.tonearm.integrations.internal.lastfm;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tonearm.integrations.internal.lastfm.RecentTracksPage.LastFmScrobble;
import org.tonearm.integrations.internal.scrobbling.PullProgress;
import org.tonearm.integrations.internal.scrobbling.PullProperties;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.ListenService;

/**
 * One step of pulling a Last.fm history (docs/api.md#connections). Each step reads what it reads, hands the plays to
 * the one funnel ({@link ListenService#ingestBatch}, channel sync — committed before the step returns) and only then
 * returns the progress to store, so a crash repeats at most one page, whose plays the funnel answers as duplicates.
 * <ol>
 *   <li><b>Backfill</b>: {@code user.getRecentTracks} 200 per page, newest to oldest, with {@code to} fixed at the
 *       start so scrobbles arriving meanwhile do not shift the pages; one page per step, resumed at the stored
 *       page after a restart; done after page {@code totalPages}.</li>
 *   <li><b>Mirror</b>: from the newest play seen less the look-back, to now, every page in one step.</li>
 * </ol>
 */
@Component
public class LastFmPull {

    private final LastFmClient client;
    private final ListenService listens;
    private final PullProperties properties;
    private final Clock clock = Clock.systemUTC();

    public LastFmPull(LastFmClient client, ListenService listens, PullProperties properties) {
        this.client = client;
        this.listens = listens;
        this.properties = properties;
    }

    public PullProgress step(long userId, String user, PullProgress progress) {
        return progress.backfilling() ? backfill(userId, user, progress) : mirror(userId, user, progress);
    }

    private PullProgress backfill(long userId, String user, PullProgress progress) {
        long to = progress.until() != null ? progress.until() : clock.millis() / 1000;
        int page = progress.page() == null ? 1 : progress.page();
        RecentTracksPage read = client.recentTracks(user, page, null, to);
        PullProgress next = ingest(userId, read, progress.at(to, page + 1, read.totalPages(), read.total()));
        if (read.tracks().isEmpty() || page >= read.totalPages()) {
            // everything up to `to` is in; the mirror phase reads from there on
            PullProgress done = next.mirroring(clock.millis());
            return done.newest() == null || done.newest() < to ? withNewest(done, to) : done;
        }
        return next;
    }

    private PullProgress mirror(long userId, String user, PullProgress progress) {
        long to = clock.millis() / 1000;
        long from = Math.max(0, (progress.newest() == null ? to : progress.newest()) - properties.lookBack().toSeconds());
        PullProgress next = progress;
        for (int page = 1, pages = 1; page <= pages; page++) {
            RecentTracksPage read = client.recentTracks(user, page, from, to);
            next = ingest(userId, read, next);
            pages = read.totalPages();
        }
        return next;
    }

    private PullProgress ingest(long userId, RecentTracksPage read, PullProgress progress) {
        List<LastFmScrobble> tracks = read.tracks();
        if (tracks.isEmpty()) {
            return progress.counted(List.of(), read.unreadable(), null);
        }
        List<IncomingListen> batch = tracks.stream().map(t -> LastFmListens.toIncoming(userId, t)).toList();
        List<IngestResult> results = listens.ingestBatch(batch);
        long newest = tracks.stream().mapToLong(LastFmScrobble::uts).max().orElseThrow();
        return progress.counted(results, read.unreadable(), newest);
    }

    private static PullProgress withNewest(PullProgress p, long newest) {
        return new PullProgress(p.phase(), p.until(), p.page(), p.totalPages(), p.total(), newest, p.rows(),
                p.imported(), p.duplicates(), p.merged(), p.skipped(), p.failed(), p.startedAt(), p.finishedAt());
    }
}
