package org.tonearm.identity.internal.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.internal.persistence.JooqUserRepository;
import org.tonearm.identity.internal.persistence.UserState;
import org.tonearm.identity.internal.token.AccessTokens;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * Checks a verified access token against the account as it is now: a disabled or deleted account, or a token
 * issued before the account's last password change / "log out everywhere", is refused; the role is the current
 * one, not the one frozen into the token (a demoted admin loses admin rights at once).
 *
 * <p>The account state is cached for {@link #TTL} so a request costs no query; this node evicts on every change,
 * other nodes see it within the TTL.
 */
@Service
public class SessionGuard {

    static final Duration TTL = Duration.ofSeconds(30);

    private final JooqUserRepository users;
    private final Cache<Long, Optional<UserState>> states = Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(100_000)
            .build();
    /** Counts account changes, so a lookup that raced one does not cache what it read. */
    private final AtomicLong evictions = new AtomicLong();

    public SessionGuard(JooqUserRepository users) {
        this.users = users;
    }

    public AuthenticatedUser check(AccessTokens.Verified token) {
        AuthenticatedUser claimed = token.user();
        UserState state = state(claimed.id()).orElse(null);
        if (state == null || state.disabled()) {
            throw new TonearmException(ErrorCode.AUTH_TOKEN_INVALID, "The account of this access token is not active");
        }
        if (state.sessionsValidAfter() != null && token.issuedAtMillis() < state.sessionsValidAfter()) {
            throw new TonearmException(ErrorCode.AUTH_TOKEN_INVALID, "This session has been ended; log in again");
        }
        return new AuthenticatedUser(claimed.id(), claimed.username(), state.role(), claimed.scopes(), false);
    }

    /**
     * The same check for a web session (docs/web.md), which holds no access token: the login time plays the token's
     * issue time. Empty when the session must end.
     */
    public Optional<AuthenticatedUser> resume(long userId, String username, long loggedInAtMillis) {
        UserState state = state(userId).orElse(null);
        if (state == null || state.disabled()
                || (state.sessionsValidAfter() != null && loggedInAtMillis < state.sessionsValidAfter())) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticatedUser(userId, username, state.role(), Scopes.ALL, false));
    }

    /**
     * Looked up outside the cache's own loading: Caffeine's {@code get(key, loader)} makes concurrent callers for
     * one key wait for each other's loader, so while the database is away a user's parallel requests failed one
     * connection timeout after another instead of all at once (issue #16: answered within 5 s).
     */
    private Optional<UserState> state(long userId) {
        Optional<UserState> cached = states.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        long before = evictions.get();
        Optional<UserState> loaded = users.findState(userId);
        states.put(userId, loaded);
        if (evictions.get() != before) {
            // an account changed meanwhile: what was read may predate it, so it is not kept (an evict() after this
            // check invalidates after its own increment, so it removes the entry itself)
            states.invalidate(userId);
        }
        return loaded;
    }

    /** Call after committing a change to the account's role, disabled flag or session validity. */
    public void evict(long userId) {
        evictions.incrementAndGet();
        states.invalidate(userId);
    }
}
