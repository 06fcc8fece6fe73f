package org.tonearm.identity.internal.web;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tonearm.identity.internal.account.AccountRules;
import org.tonearm.identity.internal.account.ProfileChange;
import org.tonearm.identity.internal.account.ProfileSettingsRules;
import org.tonearm.shared.TonearmException.FieldError;
import org.tonearm.shared.TonearmException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code PATCH /api/v1/me} body. Read as a tree because PATCH needs to tell "absent" (keep) from
 * {@code null} (clear). Every problem is reported at once, each naming its field.
 */
final class ProfilePatchReader {

    static final Set<String> EDITABLE = Set.of("display_name", "email", "timezone", "week_start", "profile_visibility");

    private ProfilePatchReader() {}

    static ProfileChange read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw TonearmException.invalid("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!EDITABLE.contains(field.getKey())) {
                errors.add(new FieldError(field.getKey(), "cannot be changed here; editable: " + String.join(", ",
                        EDITABLE.stream().sorted().toList())));
            }
        }
        String displayName = body.has("display_name") ? displayName(body.get("display_name"), errors) : null;
        String email = body.has("email") ? email(body.get("email"), errors) : null;
        ZoneId timezone = body.has("timezone") ? timezone(body.get("timezone"), errors) : null;
        DayOfWeek weekStart = body.has("week_start") ? weekStart(body.get("week_start"), errors) : null;
        String visibility = body.has("profile_visibility") ? visibility(body.get("profile_visibility"), errors) : null;
        if (!errors.isEmpty()) {
            throw TonearmException.invalid(errors);
        }
        return new ProfileChange(body.has("display_name"), displayName, body.has("email"), email, timezone, weekStart,
                visibility);
    }

    private static String displayName(JsonNode node, List<FieldError> errors) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.add(new FieldError("display_name", "must be a string of at most " + AccountRules.DISPLAY_NAME_MAX
                    + " characters, or null"));
            return null;
        }
        return ProfileSettingsRules.displayName(node.asString(), errors);
    }

    private static String email(JsonNode node, List<FieldError> errors) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.add(new FieldError("email", "must be a string or null"));
            return null;
        }
        errors.addAll(AccountRules.checkEmail(node.asString()));
        return AccountRules.normalizeEmail(node.asString());
    }

    private static ZoneId timezone(JsonNode node, List<FieldError> errors) {
        return ProfileSettingsRules.timezone(node.isString() ? node.asString() : null, errors);
    }

    private static DayOfWeek weekStart(JsonNode node, List<FieldError> errors) {
        return ProfileSettingsRules.weekStart(node.isString() ? node.asString() : null, errors);
    }

    private static String visibility(JsonNode node, List<FieldError> errors) {
        return ProfileSettingsRules.visibility(node.isString() ? node.asString() : null, errors);
    }

    /** The body's shape, for the OpenAPI document (read as a tree above: an absent key keeps the value). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ProfilePatch")
    record Patch(String displayName, String email, String timezone, String weekStart, String profileVisibility) {}
}
