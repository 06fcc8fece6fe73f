package org.tonearm.identity.internal.persistence;

import java.time.DayOfWeek;
import java.time.ZoneId;
import org.tonearm.identity.Role;
import org.tonearm.identity.UserProfile;

/** One row of {@code users}, including the secret parts that never leave the identity module. */
public record UserRow(long id, String username, String email, String displayName, String passwordHash, Role role,
        ZoneId timezone, DayOfWeek weekStart, String profileVisibility, boolean disabled, long createdAt) {

    public UserProfile profile() {
        return new UserProfile(id, username, email, displayName, role, timezone, weekStart, profileVisibility, createdAt);
    }

    public UserRow withProfile(String newDisplayName, String newEmail, ZoneId newTimezone, DayOfWeek newWeekStart,
            String newVisibility) {
        return new UserRow(id, username, newEmail, newDisplayName, passwordHash, role, newTimezone, newWeekStart,
                newVisibility, disabled, createdAt);
    }
}
