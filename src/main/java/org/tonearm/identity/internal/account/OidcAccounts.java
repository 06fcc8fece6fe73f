package org.tonearm.identity.internal.account;

import org.springframework.stereotype.Service;
import org.tonearm.identity.Role;
import org.tonearm.identity.internal.config.RegistrationMode;
import org.tonearm.identity.internal.persistence.JooqOidcIdentityRepository;
import org.tonearm.identity.internal.persistence.JooqUserRepository;
import org.tonearm.identity.internal.persistence.OidcIdentityRow;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.shared.Database;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * Which account an OpenID Connect login opens (docs/api.md#accounts-and-authentication), in this order:
 * <ol>
 *   <li>the account already linked to (provider, subject);</li>
 *   <li>else the account with the same email, linked now, but only when the provider says the email is verified:
 *       otherwise anyone able to type someone's address at some provider would take over their account, so an
 *       unverified match is refused (403) and nothing is linked;</li>
 *   <li>else a new account, when registration is open (or the instance is empty: its first account becomes ADMIN,
 *       as with {@code POST /auth/register}). It has no password, and gets the email only if it is verified (an
 *       unverified address must not be able to win a later verified-email link).</li>
 * </ol>
 * Registration by invite needs the code, which this flow cannot carry: such a person registers with the code first,
 * with the address the provider verifies, and the provider login then links to that account.
 */
@Service
public class OidcAccounts {

    private final Database database;
    private final JooqUserRepository users;
    private final JooqOidcIdentityRepository identities;
    private final RegistrationPolicy registration;
    private final SessionService sessions;

    public OidcAccounts(Database database, JooqUserRepository users, JooqOidcIdentityRepository identities,
            RegistrationPolicy registration, SessionService sessions) {
        this.database = database;
        this.users = users;
        this.identities = identities;
        this.registration = registration;
        this.sessions = sessions;
    }

    public Session login(OidcIdentity identity) {
        return database.write(() -> {
            // one serialized step, as for registrations: two callbacks of one new person must not create two accounts,
            // and two first logins on an empty instance must not both become ADMIN
            users.lockRegistrations();
            long now = System.currentTimeMillis();
            String email = AccountRules.normalizeEmail(identity.email());
            OidcIdentityRow link = identities.find(identity.provider(), identity.subject()).orElse(null);
            if (link != null) {
                identities.recordLogin(link.id(), email, now);
                return sessions.start(active(users.findById(link.userId()).orElseThrow()));
            }
            UserRow sameEmail = email == null ? null : users.findByEmail(email).orElse(null);
            if (sameEmail != null) {
                if (!identity.emailVerified()) {
                    throw TonearmException.permissionDenied("An account with the email address this provider reports "
                            + "exists, but the provider has not verified the address, so the login is not linked to it. "
                            + "Verify the address at the provider, or log in with your password");
                }
                identities.insert(active(sameEmail).id(), identity.provider(), identity.subject(), email, now);
                return sessions.start(sameEmail);
            }
            return sessions.start(provision(identity, identity.emailVerified() ? email : null, now));
        });
    }

    private UserRow provision(OidcIdentity identity, String verifiedEmail, long now) {
        boolean first = !users.anyUserExists();
        RegistrationMode mode = registration.current();
        if (!first && mode == RegistrationMode.CLOSED) {
            throw TonearmException.permissionDenied("This login has no account here and registration on this instance "
                    + "is closed; ask an administrator to create your account");
        }
        if (!first && mode == RegistrationMode.INVITE) {
            throw TonearmException.permissionDenied("This login has no account here and registration on this instance "
                    + "needs an invite code: register with it first, using the email address your provider verifies, "
                    + "then log in with the provider again");
        }
        String username = OidcUsernames.unique(identity, name -> users.findByUsername(name).isPresent());
        long id = users.insert(username, verifiedEmail, null, first ? Role.ADMIN : Role.USER, now);
        identities.insert(id, identity.provider(), identity.subject(), verifiedEmail, now);
        UserRow user = users.findById(id).orElseThrow();
        String displayName = displayName(identity.name());
        if (displayName != null) {
            users.updateProfile(user.withProfile(displayName, user.email(), user.timezone(), user.weekStart(),
                    user.profileVisibility()), now);
            user = users.findById(id).orElseThrow();
        }
        return user;
    }

    private static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.length() <= AccountRules.DISPLAY_NAME_MAX) {
            return trimmed;
        }
        int end = AccountRules.DISPLAY_NAME_MAX;
        // never cut a surrogate pair in half
        return trimmed.substring(0, Character.isHighSurrogate(trimmed.charAt(end - 1)) ? end - 1 : end);
    }

    /** A disabled account gets the same answer as a failed password login. */
    private static UserRow active(UserRow user) {
        if (user.disabled()) {
            throw new TonearmException(ErrorCode.AUTH_INVALID_CREDENTIALS, "This account is disabled");
        }
        return user;
    }
}
