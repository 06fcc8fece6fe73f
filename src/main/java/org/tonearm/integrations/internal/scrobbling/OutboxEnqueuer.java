package org.tonearm.integrations.internal.scrobbling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tonearm.integrations.internal.persistence.OutboxRepository;
import org.tonearm.listens.ListensChanged;

/**
 * Puts every NEW listen of a user who mirrors into the outbox, in the funnel's own write transaction — like the
 * statistics rollups (docs/architecture.md "Statistics stay above listens"), a plain synchronous listener of
 * {@link ListensChanged}: the outbox rows commit with the listen or not at all, so a crash can lose neither.
 *
 * <p>New = in {@code added} but not in {@code removed}: a merge into an existing listen or a correction carries the
 * listen on both sides and is not forwarded again. Whether the listen came from the target service itself (pulled
 * from it: channel sync, origin = that service) is decided when it is sent, from the stored listen, because the
 * event carries ids and figures only (OutboxSender).
 */
@Component
class OutboxEnqueuer {

    private final MirrorAccounts accounts;
    private final OutboxRepository outbox;
    private final Clock clock;

    OutboxEnqueuer(MirrorAccounts accounts, OutboxRepository outbox) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    @EventListener
    void on(ListensChanged change) {
        if (change.added().isEmpty()) {
            return;
        }
        Set<Long> before = new HashSet<>();
        change.removed().forEach(f -> before.add(f.listenId()));
        List<long[]> created = new ArrayList<>();
        for (ListensChanged.Fact f : change.added()) {
            if (!before.contains(f.listenId())) {
                created.add(new long[] {f.listenId(), f.listenedAt()});
            }
        }
        if (created.isEmpty()) {
            return;
        }
        List<String> targets = accounts.mirrorTargets(change.userId());
        long now = clock.millis();
        for (String service : targets) {
            outbox.enqueue(change.userId(), service, created, now);
        }
    }
}
