package org.tonearm.integrations.internal.scrobbling;

import java.util.List;
import java.util.Optional;

/** What the outbox needs of a user's connections: where they mirror to and with which credentials. */
public interface MirrorAccounts {

    /** The services (lastfm, listenbrainz) this user mirrors new listens to now. Called inside the funnel's write. */
    List<String> mirrorTargets(long userId);

    /** The account to send with, or empty when the user no longer mirrors there (the rows are then dropped). */
    Optional<Account> account(long userId, String service);

    /** A send was refused for the credentials: the connection becomes needs_reauth (other failures: the outbox). */
    void failed(long userId, String service, RemoteFailure failure);

    /**
     * @param user the account's name at the service (Last.fm user name: used to look in-flight scrobbles up)
     * @param secret the ListenBrainz token or the Last.fm session key
     * @param paused the connection needs re-authorization: its listens wait (kept) until the user connects again
     */
    record Account(String user, String secret, boolean paused) {}
}
