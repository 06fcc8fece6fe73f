package org.tonearm.integrations.internal.scrobbling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tonearm.integrations.internal.lastfm.LastFmClient;
import org.tonearm.integrations.internal.lastfm.LastFmListens;
import org.tonearm.integrations.internal.lastfm.RecentTracksPage;
import org.tonearm.integrations.internal.listenbrainz.ListenBrainzClient;
import org.tonearm.integrations.internal.listenbrainz.ListenBrainzListens;
import org.tonearm.integrations.internal.persistence.OutboxRepository;
import org.tonearm.integrations.internal.persistence.OutboxRepository.Entry;
import org.tonearm.integrations.internal.persistence.OutboxRepository.Group;
import org.tonearm.integrations.internal.scrobbling.MirrorAccounts.Account;
import org.tonearm.listens.ArchivedListen;
import org.tonearm.listens.Channel;
import org.tonearm.listens.Classification;
import org.tonearm.listens.ListenArchive;
import org.tonearm.shared.PeriodicTask;

/**
 * Sends the mirror outbox (docs/api.md#connections "Mirroring"). Per user and service it claims up to one request's
 * worth of due rows (ListenBrainz 100, Last.fm 50), reads their listens, drops those that must not go out (deleted
 * since, skips, and — no echo — listens that came from that same service: pulled from it, or absorbed a report pulled
 * from it), sends the rest in one request and deletes the rows once the service acknowledged. A failure puts the rows
 * back with a capped exponential backoff ({@link OutboxProperties#backoff}); a revoked token or a vanished account is
 * reported on the connection ({@link MirrorAccounts#failed}).
 *
 * <p>A crash between send and acknowledge leaves rows in {@code sending}; after {@code in-flight-lease} they are
 * recovered: to ListenBrainz they are simply sent again — it keeps one listen per (user, listened_at, recording), so
 * the resend stores nothing twice; Last.fm has no idempotency key, so Tonearm first asks
 * {@code user.getRecentTracks} for the claimed time range and acknowledges every scrobble already there, sending
 * only the others. The remaining at-least-once window: a scrobble Last.fm stored under a corrected name, or that it
 * shows only later, is sent again.
 */
@Component
public class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    public static final String LASTFM = "lastfm";
    public static final String LISTENBRAINZ = "listenbrainz";

    private final OutboxRepository outbox;
    private final MirrorAccounts accounts;
    private final ListenArchive archive;
    private final ListenBrainzClient listenBrainz;
    private final LastFmClient lastFm;
    private final OutboxProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final PeriodicTask poller;

    OutboxSender(OutboxRepository outbox, MirrorAccounts accounts, ListenArchive archive,
            ListenBrainzClient listenBrainz, LastFmClient lastFm, OutboxProperties properties) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.archive = archive;
        this.listenBrainz = listenBrainz;
        this.lastFm = lastFm;
        this.properties = properties;
        this.poller = new PeriodicTask("outbox-sender", properties.pollInterval(), properties.pollInterval(), this::poll);
    }

    /** One pass: recover stale in-flight rows, then send every due group once. Returns the rows acknowledged. */
    public synchronized int runOnce() {
        int acknowledged = recoverInFlight();
        for (Group group : outbox.dueGroups(clock.millis(), 1000)) {
            Optional<Account> account = accounts.account(group.userId(), group.service());
            if (account.isEmpty()) {
                outbox.discard(group.userId(), group.service()); // mirroring switched off or disconnected
                continue;
            }
            if (account.get().paused()) {
                continue; // needs re-authorization: the listens wait, due at once when the user connects again
            }
            int limit = LASTFM.equals(group.service()) ? LastFmClient.MAX_SCROBBLES_PER_REQUEST
                    : ListenBrainzClient.MAX_LISTENS_PER_SUBMIT;
            acknowledged += deliver(group, account.get(), outbox.claim(group, clock.millis(), limit));
        }
        return acknowledged;
    }

    private int recoverInFlight() {
        long now = clock.millis();
        List<Entry> stale = outbox.claimStale(now - properties.inFlightLease().toMillis(), now, 500);
        if (stale.isEmpty()) {
            return 0;
        }
        log.warn("Recovering {} outbox row(s) sent but never acknowledged (a crash between send and acknowledge)",
                stale.size());
        Map<Group, List<Entry>> byGroup = new LinkedHashMap<>();
        stale.forEach(e -> byGroup.computeIfAbsent(new Group(e.userId(), e.service()), g -> new ArrayList<>()).add(e));
        int acknowledged = 0;
        for (var g : byGroup.entrySet()) {
            Optional<Account> account = accounts.account(g.getKey().userId(), g.getKey().service());
            if (account.isEmpty()) {
                outbox.discard(g.getKey().userId(), g.getKey().service());
                continue;
            }
            if (account.get().paused()) {
                outbox.retryLater(g.getValue().stream().map(Entry::id).toList(), "waiting for re-authorization",
                        now);
                continue;
            }
            int limit = LASTFM.equals(g.getKey().service()) ? LastFmClient.MAX_SCROBBLES_PER_REQUEST
                    : ListenBrainzClient.MAX_LISTENS_PER_SUBMIT;
            List<Entry> rows = g.getValue();
            for (int from = 0; from < rows.size(); from += limit) {
                acknowledged += deliver(g.getKey(), account.get(), rows.subList(from, Math.min(rows.size(), from + limit)),
                        LASTFM.equals(g.getKey().service()));
            }
        }
        return acknowledged;
    }

    private int deliver(Group group, Account account, List<Entry> rows) {
        return deliver(group, account, rows, false);
    }

    private int deliver(Group group, Account account, List<Entry> rows, boolean lookUpFirst) {
        if (rows.isEmpty()) {
            return 0;
        }
        Map<Long, ArchivedListen> listens = read(group.userId(), rows);
        List<Long> drop = new ArrayList<>();
        List<Entry> send = new ArrayList<>();
        for (Entry e : rows) {
            ArchivedListen l = listens.get(e.listenId());
            if (l == null || l.classification() == Classification.SKIP || cameFrom(l, group.service())) {
                drop.add(e.id()); // deleted since / not a play / no echo back to where it came from
            } else {
                send.add(e);
            }
        }
        outbox.done(drop);
        if (send.isEmpty()) {
            return drop.size();
        }
        try {
            if (lookUpFirst) {
                send = notYetAtLastFm(account, send, listens);
                if (send.isEmpty()) {
                    return rows.size();
                }
            }
            if (LISTENBRAINZ.equals(group.service())) {
                listenBrainz.submit(account.secret(),
                        send.stream().map(e -> ListenBrainzListens.toSubmission(listens.get(e.listenId()))).toList());
                outbox.done(send.stream().map(Entry::id).toList());
            } else {
                var outcomes = lastFm.scrobble(account.secret(),
                        send.stream().map(e -> LastFmListens.toScrobble(listens.get(e.listenId()))).toList());
                List<Long> accepted = new ArrayList<>();
                for (int i = 0; i < send.size(); i++) {
                    var o = outcomes.get(i);
                    if (o.accepted()) {
                        accepted.add(send.get(i).id());
                    } else {
                        // Last.fm refused this one for good (1 artist ignored, 2 track ignored, 3 timestamp too old
                        // (> 14 days), 4 too new, 5 daily limit): kept as "ignored" for the user to see
                        outbox.ignored(send.get(i).id(), "Last.fm ignored the scrobble (code " + o.ignoredCode() + ": "
                                + (o.ignoredMessage() == null ? "" : o.ignoredMessage()) + ")");
                    }
                }
                outbox.done(accepted);
            }
            return rows.size();
        } catch (LeaveInFlight f) {
            return drop.size();
        } catch (RemoteFailure f) {
            int attempt = send.stream().mapToInt(Entry::attempts).min().orElse(0) + 1;
            // needs re-authorization: the group pauses instead (account().paused()), so no growing backoff
            long wait = f.kind() == RemoteFailure.Kind.NEEDS_REAUTH ? 0
                    : properties.backoff(attempt, ThreadLocalRandom.current().nextDouble()).toMillis();
            if (f.retryAfter() != null) {
                wait = Math.max(wait, f.retryAfter().toMillis());
            }
            outbox.retryLater(send.stream().map(Entry::id).toList(), f.getMessage(), clock.millis() + wait);
            if (f.kind() == RemoteFailure.Kind.NEEDS_REAUTH || f.kind() == RemoteFailure.Kind.NOT_FOUND) {
                accounts.failed(group.userId(), group.service(), f);
            }
            log.info("Mirroring {} listen(s) of user {} to {} failed ({}), next attempt in {} ms", send.size(),
                    group.userId(), group.service(), f.getMessage(), wait);
            return drop.size();
        }
    }

    /**
     * The rows Last.fm does not show yet in {@code user.getRecentTracks} over their time range; the others were
     * scrobbled before the crash and are acknowledged now. A failed look-up leaves the rows in flight: the next
     * recovery asks again rather than risk a double scrobble.
     */
    private List<Entry> notYetAtLastFm(Account account, List<Entry> rows, Map<Long, ArchivedListen> listens) {
        long from = rows.stream().mapToLong(e -> e.listenedAt() / 1000).min().orElseThrow();
        long to = rows.stream().mapToLong(e -> e.listenedAt() / 1000).max().orElseThrow();
        Set<String> there = new HashSet<>();
        try {
            for (int page = 1, pages = 1; page <= pages && page <= 10; page++) {
                RecentTracksPage p = lastFm.recentTracks(account.user(), page, from, to);
                p.tracks().forEach(t -> there.add(key(t.uts(), t.artist(), t.track())));
                pages = p.totalPages();
            }
        } catch (RemoteFailure f) {
            log.info("Could not look up in-flight scrobbles at Last.fm ({}); asking again later", f.getMessage());
            throw new LeaveInFlight();
        }
        List<Entry> missing = new ArrayList<>();
        List<Long> found = new ArrayList<>();
        for (Entry e : rows) {
            var s = LastFmListens.toScrobble(listens.get(e.listenId()));
            if (there.contains(key(s.timestamp(), s.artist(), s.track()))) {
                found.add(e.id());
            } else {
                missing.add(e);
            }
        }
        outbox.done(found);
        return missing;
    }

    private static String key(long uts, String artist, String track) {
        return uts + "\u0000" + artist.toLowerCase(Locale.ROOT) + "\u0000" + track.toLowerCase(Locale.ROOT);
    }

    /** Thrown out of a recovery whose look-up failed: the rows stay claimed until the lease runs out again. */
    private static final class LeaveInFlight extends RemoteFailure {
        LeaveInFlight() {
            super(Kind.TRANSIENT, "look-up failed", null, null);
        }
    }

    /** No echo: a listen pulled from the service (or that absorbed a report pulled from it) is already there. */
    static boolean cameFrom(ArchivedListen l, String service) {
        if (l.channel() == Channel.SYNC && service.equals(l.origin())) {
            return true;
        }
        return l.sources().stream().anyMatch(s -> s.channel() == Channel.SYNC && service.equals(s.origin()));
    }

    private Map<Long, ArchivedListen> read(long userId, List<Entry> rows) {
        Set<Long> ids = new HashSet<>();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (Entry e : rows) {
            ids.add(e.listenId());
            from = Math.min(from, e.listenedAt());
            to = Math.max(to, e.listenedAt());
        }
        Map<Long, ArchivedListen> found = new HashMap<>();
        // one range walk for the batch; a listen deleted since (or whose time was corrected before it was sent) is
        // not found and its row is dropped: only plays as they were recorded are forwarded
        archive.forEach(userId, from, to + 1, l -> {
            if (ids.contains(l.id())) {
                found.put(l.id(), l);
            }
        });
        return found;
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            poller.start();
        }
    }

    private void poll() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Outbox pass failed; retrying at the next poll", e);
        }
    }

    @Override
    public void stop() {
        poller.stop();
    }

    @Override
    public boolean isRunning() {
        return poller.isRunning();
    }
}
