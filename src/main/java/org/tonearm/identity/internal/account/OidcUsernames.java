package org.tonearm.identity.internal.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The username of an account provisioned by an OpenID Connect login: made from {@code preferred_username}, else the
 * local part of the email, else {@code name}, reduced to the characters docs/api.md#accounts-and-authentication allows, and made unique with a
 * numeric suffix ({@code jane}, {@code jane-2}, ...).
 */
final class OidcUsernames {

    static final String FALLBACK = "user";

    private OidcUsernames() {}

    /** The first free name for {@code identity}; {@code taken} tells whether a (lower-case) name is in use. */
    static String unique(OidcIdentity identity, Predicate<String> taken) {
        String base = base(identity);
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String candidate = base.substring(0, Math.min(base.length(), AccountRules.USERNAME_MAX - suffix.length())) + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /** The preferred name, cleaned up: valid by {@link AccountRules#checkUsername}, maybe taken. */
    static String base(OidcIdentity identity) {
        for (String source : new String[] {identity.preferredUsername(), localPart(identity.email()), identity.name()}) {
            String cleaned = clean(source);
            if (cleaned.length() >= AccountRules.USERNAME_MIN) {
                return cleaned;
            }
        }
        return FALLBACK;
    }

    /** Accents dropped (é → e), lower-cased, every run of other characters turned into one '-', ends trimmed. */
    static String clean(String source) {
        if (source == null) {
            return "";
        }
        String ascii = Normalizer.normalize(source, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String name = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^[-_.]+|[-_.]+$", "");
        if (name.length() > AccountRules.USERNAME_MAX) {
            name = name.substring(0, AccountRules.USERNAME_MAX).replaceAll("[-_.]+$", "");
        }
        return name;
    }

    private static String localPart(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }
}
