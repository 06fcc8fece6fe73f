package org.tonearm.identity;

import java.time.ZoneId;
import java.util.Optional;

/** Read access to users for other modules. */
public interface UserDirectory {

    Optional<UserProfile> findById(long id);

    Optional<UserProfile> findByUsername(String username);

    /** The user's timezone (cached): listens store their local day and hour at insert. */
    ZoneId timezone(long userId);

    /** Whether any account exists: on an empty instance the first sign-up becomes the admin (SPEC §2). */
    boolean hasAccounts();
}
