package org.tonearm.identity.internal.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.stereotype.Component;
import org.tonearm.shared.RateLimitedException;

/**
 * docs/api.md#accounts-and-authentication login throttling: 5 failed attempts for one account within 15 minutes lock it for 30 minutes.
 *
 * <p>Keyed by the login name as typed (lower-cased), whether or not such an account exists, so a lock — and its
 * 429 — looks the same for real and made-up accounts and does not reveal which exist. A locked account stays
 * locked even for the right password (otherwise the lock would not stop guessing). Kept in memory: on several
 * nodes each node counts on its own, which at worst multiplies the attempts by the node count.
 */
@Component
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(30);

    private final Clock clock;
    private final Cache<String, Attempts> attempts = Caffeine.newBuilder()
            .expireAfterAccess(LOCK.plus(WINDOW))
            .maximumSize(200_000)
            .build();

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** 429 with Retry-After when {@code login} is locked. */
    public void checkNotLocked(String login) {
        Attempts a = attempts.getIfPresent(login);
        if (a == null) {
            return;
        }
        long remaining = a.lockRemainingMillis(clock.millis());
        if (remaining > 0) {
            throw new RateLimitedException("Too many failed logins; try again later", (remaining + 999) / 1000);
        }
    }

    public void recordFailure(String login) {
        attempts.get(login, k -> new Attempts()).fail(clock.millis());
    }

    public void recordSuccess(String login) {
        attempts.invalidate(login);
    }

    private static final class Attempts {
        private final Deque<Long> failures = new ArrayDeque<>();
        private long lockedUntil;

        synchronized void fail(long now) {
            while (!failures.isEmpty() && failures.peekFirst() <= now - WINDOW.toMillis()) {
                failures.removeFirst();
            }
            failures.addLast(now);
            if (failures.size() >= MAX_FAILURES) {
                lockedUntil = now + LOCK.toMillis();
                failures.clear();
            }
        }

        synchronized long lockRemainingMillis(long now) {
            return lockedUntil - now;
        }
    }
}
