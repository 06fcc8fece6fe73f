package org.tonearm.stats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Public links to a user's year in review or top list (issue #12 item 5). A link is a random token (256 bits) of which
 * only the SHA-256 is stored; it works until its owner revokes it (the row is deleted, the link answers 404). Making a
 * link is the owner's explicit choice to publish that one card, whatever the profile's visibility.
 */
public interface StatsShares {

    enum Kind { YEAR, ARTISTS, ALBUMS, TRACKS }

    /** {@code subject}: the year for {@link Kind#YEAR}, else the stats range name (docs/api.md ranges). */
    record Share(long id, long userId, Kind kind, String subject, Instant createdAt) {}

    /** A new share with its token, which is shown once and never stored. */
    record Created(Share share, String token) {}

    /** @throws org.tonearm.shared.TonearmException VALIDATION_ERROR (field {@code subject}) for a bad year or range */
    Created create(long userId, Kind kind, String subject);

    List<Share> list(long userId);

    boolean revoke(long userId, long shareId);

    Optional<Share> open(String token);
}
