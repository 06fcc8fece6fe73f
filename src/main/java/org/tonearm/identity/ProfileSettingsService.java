package org.tonearm.identity;

/** Changes a user's profile settings for other modules (an account import applies the exported ones). */
public interface ProfileSettingsService {

    /**
     * Applies {@code settings} to the user with the rules of {@code PATCH /api/v1/me}, all or nothing: an invalid
     * value throws a VALIDATION_ERROR naming each bad field. Callers decide whether the caller may change the
     * account (a login session may, a personal API token may not).
     */
    UserProfile apply(long userId, ProfileSettings settings);
}
