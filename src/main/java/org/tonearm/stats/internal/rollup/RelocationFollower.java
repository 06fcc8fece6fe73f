package org.tonearm.stats.internal.rollup;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tonearm.listens.ListensRelocated;

/** A user's listens moved to other local days (timezone change): their rollups are rebuilt in the same transaction. */
@Component
class RelocationFollower {

    private final RollupRebuilder rebuilder;

    RelocationFollower(RollupRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @EventListener
    void on(ListensRelocated relocated) {
        if (relocated.listensMoved() > 0) {
            rebuilder.rebuild(relocated.userId());
        }
    }
}
