package org.tonearm.identity.internal.account;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tonearm.shared.TonearmException.FieldError;

/**
 * The rules of the editable profile settings (docs/api.md#accounts-and-authentication), shared by {@code PATCH /api/v1/me} and account imports:
 * each parses one value, adding a field error and returning null when it is invalid.
 */
public final class ProfileSettingsRules {

    public static final Set<String> VISIBILITIES = Set.of("PRIVATE", "PUBLIC");

    private ProfileSettingsRules() {}

    /** Stripped; null when blank (no display name). */
    public static String displayName(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > AccountRules.DISPLAY_NAME_MAX) {
            errors.add(new FieldError("display_name", "must be a string of at most " + AccountRules.DISPLAY_NAME_MAX
                    + " characters, or null"));
            return null;
        }
        return stripped.isEmpty() ? null : stripped;
    }

    /** Only IANA region ids (and UTC) are accepted, not offsets like "+02:00", which ignore daylight saving. */
    public static ZoneId timezone(String value, List<FieldError> errors) {
        if (value != null && ZoneId.getAvailableZoneIds().contains(value)) {
            return ZoneId.of(value);
        }
        errors.add(new FieldError("timezone", "must be an IANA time zone id such as Europe/Berlin"));
        return null;
    }

    public static DayOfWeek weekStart(String value, List<FieldError> errors) {
        try {
            if (value != null) {
                return DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("week_start", "must be one of MONDAY..SUNDAY"));
        return null;
    }

    public static String visibility(String value, List<FieldError> errors) {
        String upper = value == null ? "" : value.toUpperCase(Locale.ROOT);
        if (VISIBILITIES.contains(upper)) {
            return upper;
        }
        errors.add(new FieldError("profile_visibility", "must be PRIVATE or PUBLIC"));
        return null;
    }
}
