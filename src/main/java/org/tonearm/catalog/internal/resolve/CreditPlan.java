package org.tonearm.catalog.internal.resolve;

import java.util.List;
import org.tonearm.catalog.TrackCredit;

/**
 * One credit with every key computed: what the resolver looks up and, for misses, creates.
 *
 * @param albumKey null when the credit names no album
 */
record CreditPlan(TrackCredit credit, Named primary, List<Named> featured, String title, String trackKey,
        String albumTitle, String albumKey, Long lengthMs, CleanIdentifiers ids) {

    /** A display name and its identity key. */
    record Named(String name, String key) {}
}
