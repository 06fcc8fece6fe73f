package org.tonearm.identity.internal.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;
import org.tonearm.identity.internal.persistence.JooqUserRepository;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.shared.TonearmException;

/**
 * {@link UserDirectory} for other modules. The timezone is read on every ingested listen (its local day and hour
 * are stored at insert), so it is cached; {@link #evict} runs when a user's profile changes. The entries also
 * expire after a few minutes, which bounds staleness when another node made the change.
 */
@Service
public class CachingUserDirectory implements UserDirectory {

    private final JooqUserRepository users;
    private final Cache<Long, ZoneId> timezones = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    public CachingUserDirectory(JooqUserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<UserProfile> findById(long id) {
        return users.findById(id).map(UserRow::profile);
    }

    @Override
    public Optional<UserProfile> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return users.findByUsername(AccountRules.normalizeUsername(username)).map(UserRow::profile);
    }

    @Override
    public List<Long> publicProfileIds() {
        return users.publicProfileIds();
    }

    /** The user's timezone; 404 for an unknown user. */
    @Override
    public ZoneId timezone(long userId) {
        return timezones.get(userId, id -> users.findById(id).map(UserRow::timezone)
                .orElseThrow(() -> TonearmException.notFound("user " + id)));
    }

    @Override
    public boolean hasAccounts() {
        return users.anyUserExists();
    }

    public void evict(long userId) {
        timezones.invalidate(userId);
    }
}
