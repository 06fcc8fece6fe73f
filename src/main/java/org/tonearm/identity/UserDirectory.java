package org.tonearm.identity;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Read access to users for other modules. */
public interface UserDirectory {

    Optional<UserProfile> findById(long id);

    Optional<UserProfile> findByUsername(String username);

    /**
     * Ids of the users with a PUBLIC profile, whose listens anyone may see (docs/api.md#accounts-and-authentication). Not cached: a profile that
     * turns PRIVATE must stop showing at once.
     */
    List<Long> publicProfileIds();

    /** The user's timezone (cached): listens store their local day and hour at insert. */
    ZoneId timezone(long userId);

    /** Whether any account exists: on an empty instance the first sign-up becomes the admin (docs/api.md#accounts-and-authentication). */
    boolean hasAccounts();
}
