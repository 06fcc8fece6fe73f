package org.tonearm.identity.internal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tonearm.shared.TonearmException.FieldError;

/**
 * The account input rules of docs/api.md#accounts-and-authentication, each a small check returning field errors (empty list: fine).
 * Passwords follow NIST SP 800-63B: length only, no composition rules, not the account's own name and not on
 * the bundled list of common passwords ({@link CommonPasswords}).
 */
public final class AccountRules {

    public static final int USERNAME_MIN = 2;
    public static final int USERNAME_MAX = 40;
    public static final int PASSWORD_MIN = 8;
    /** docs/api.md#accounts-and-authentication upper bound; long enough for pass-phrases, short enough to bound hashing work. */
    public static final int PASSWORD_MAX = 128;
    /** RFC 5321 §4.5.3.1: 64 (local part) + 1 + 255 (domain). */
    public static final int EMAIL_MAX = 320;
    public static final int DISPLAY_NAME_MAX = 100;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]+");
    /** Deliberately basic: one @, something on each side, a dot in the domain, no spaces. Delivery proves the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private AccountRules() {}

    /**
     * Usernames are case-insensitive: they are compared and stored lower-cased. Null stays null: a request body may
     * carry {@code "username": null}, and {@link #checkUsername} reports it as a field error rather than a crash.
     */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.toLowerCase(Locale.ROOT);
    }

    /** Emails are case-insensitive too (docs/api.md#accounts-and-authentication); blank means "none". */
    public static String normalizeEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static List<FieldError> checkUsername(String username) {
        if (username == null || username.isEmpty()) {
            return List.of(new FieldError("username", "is required"));
        }
        String normalized = normalizeUsername(username);
        if (normalized.length() < USERNAME_MIN || normalized.length() > USERNAME_MAX) {
            return List.of(new FieldError("username", "must be " + USERNAME_MIN + " to " + USERNAME_MAX + " characters"));
        }
        if (!USERNAME.matcher(normalized).matches()) {
            return List.of(new FieldError("username", "may contain only letters a-z, digits, '_', '.' and '-'"));
        }
        return List.of();
    }

    /** {@code email} may be null (it is optional); when present it must look like an address. */
    public static List<FieldError> checkEmail(String email) {
        String normalized = normalizeEmail(email);
        if (normalized == null) {
            return List.of();
        }
        if (normalized.length() > EMAIL_MAX || !EMAIL.matcher(normalized).matches()) {
            return List.of(new FieldError("email", "is not a valid email address"));
        }
        return List.of();
    }

    /** Length is counted in Unicode code points, so an emoji is one character as the user sees it. */
    public static List<FieldError> checkPassword(String password, String username, String email) {
        if (password == null || password.isEmpty()) {
            return List.of(new FieldError("password", "is required"));
        }
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
            return List.of(new FieldError("password", "must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (username != null && password.equalsIgnoreCase(username)) {
            errors.add(new FieldError("password", "must not be the username"));
        }
        if (email != null && !email.isBlank() && password.equalsIgnoreCase(email.trim())) {
            errors.add(new FieldError("password", "must not be the email address"));
        }
        if (CommonPasswords.contains(password)) {
            errors.add(new FieldError("password", "is too common; choose one that is not on lists of leaked passwords"));
        }
        return errors;
    }
}
