package org.tonearm.identity;

import java.time.DayOfWeek;
import java.time.ZoneId;

/** A user as other modules see it (no secrets). */
public record UserProfile(long id, String username, String email, String displayName, Role role, ZoneId timezone,
        DayOfWeek weekStart, String profileVisibility, long createdAt) {}
