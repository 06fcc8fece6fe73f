package org.tonearm.identity.internal.account;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.tonearm.identity.ProfileSettings;
import org.tonearm.identity.ProfileSettingsService;
import org.tonearm.identity.TimezoneChanged;
import org.tonearm.identity.UserProfile;
import org.tonearm.identity.internal.persistence.JooqUserRepository;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.TonearmException.FieldError;

/**
 * The caller's own profile: {@code GET /api/v1/me} and {@code PATCH /api/v1/me} (docs/api.md#accounts-and-authentication), and the settings an
 * account import applies ({@link ProfileSettingsService}).
 */
@Service
public class ProfileService implements ProfileSettingsService {

    private final Database database;
    private final JooqUserRepository users;
    private final CachingUserDirectory directory;
    private final ApplicationEventPublisher events;

    public ProfileService(Database database, JooqUserRepository users, CachingUserDirectory directory,
            ApplicationEventPublisher events) {
        this.events = events;
        this.database = database;
        this.users = users;
        this.directory = directory;
    }

    public UserProfile get(long userId) {
        return users.findById(userId).map(UserRow::profile).orElseThrow(() -> TonearmException.notFound("user"));
    }

    public UserProfile update(long userId, ProfileChange change) {
        UserProfile updated;
        try {
            updated = database.write(() -> {
                UserRow current = users.findById(userId).orElseThrow(() -> TonearmException.notFound("user"));
                String email = change.emailSet() ? change.email() : current.email();
                if (email != null && !email.equals(current.email())
                        && users.findByEmail(email).filter(other -> other.id() != userId).isPresent()) {
                    throw TonearmException.conflict("An account with this email address already exists");
                }
                UserRow next = current.withProfile(
                        change.displayNameSet() ? change.displayName() : current.displayName(),
                        email,
                        change.timezone() != null ? change.timezone() : current.timezone(),
                        change.weekStart() != null ? change.weekStart() : current.weekStart(),
                        change.profileVisibility() != null ? change.profileVisibility() : current.profileVisibility());
                users.updateProfile(next, System.currentTimeMillis());
                if (!next.timezone().equals(current.timezone())) {
                    // in this transaction: local days and statistics move with the timezone or not at all
                    events.publishEvent(new TimezoneChanged(userId, current.timezone(), next.timezone()));
                }
                return next.profile();
            });
        } catch (DuplicateKeyException raced) {
            // PostgreSQL: another account took the address between our check and the update
            throw TonearmException.conflict("An account with this email address already exists");
        }
        // after the commit: a reader that refills the cache now sees the new timezone
        directory.evict(userId);
        return updated;
    }

    @Override
    public UserProfile apply(long userId, ProfileSettings settings) {
        List<FieldError> errors = new ArrayList<>();
        String displayName = ProfileSettingsRules.displayName(settings.displayName(), errors);
        ZoneId timezone = settings.timezone() == null ? null : ProfileSettingsRules.timezone(settings.timezone(), errors);
        DayOfWeek weekStart = settings.weekStart() == null ? null
                : ProfileSettingsRules.weekStart(settings.weekStart(), errors);
        String visibility = settings.profileVisibility() == null ? null
                : ProfileSettingsRules.visibility(settings.profileVisibility(), errors);
        if (!errors.isEmpty()) {
            throw TonearmException.invalid(errors);
        }
        return update(userId, new ProfileChange(true, displayName, false, null, timezone, weekStart, visibility));
    }
}
