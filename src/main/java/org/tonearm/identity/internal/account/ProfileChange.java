package org.tonearm.identity.internal.account;

import java.time.DayOfWeek;
import java.time.ZoneId;

/**
 * A validated partial update of the editable profile fields (PATCH semantics). A null timezone, week start or
 * visibility leaves that field unchanged; display name and email can be cleared, so they carry a "set" flag.
 */
public record ProfileChange(boolean displayNameSet, String displayName, boolean emailSet, String email,
        ZoneId timezone, DayOfWeek weekStart, String profileVisibility) {}
