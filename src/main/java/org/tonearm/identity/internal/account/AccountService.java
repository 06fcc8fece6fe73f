package org.tonearm.identity.internal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tonearm.identity.Role;
import org.tonearm.identity.internal.config.RegistrationMode;
import org.tonearm.identity.internal.persistence.JooqUserRepository;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.shared.Database;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.TonearmException.FieldError;

/** Registration and password login (docs/api.md#accounts-and-authentication). */
@Service
public class AccountService {

    private final Database database;
    private final JooqUserRepository users;
    private final PasswordHashing passwords;
    private final SessionService sessions;
    private final RegistrationPolicy registration;
    private final InviteService invites;
    private final LoginThrottle throttle;

    public AccountService(Database database, JooqUserRepository users, PasswordHashing passwords,
            SessionService sessions, RegistrationPolicy registration, InviteService invites, LoginThrottle throttle) {
        this.database = database;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.registration = registration;
        this.invites = invites;
        this.throttle = throttle;
    }

    /**
     * Creates an account and logs it in. The first account of an empty instance becomes ADMIN whatever the
     * registration mode; later ones need registration OPEN, or INVITE with an unused invite code (docs/api.md#accounts-and-authentication).
     */
    public Session register(String username, String password, String email, String inviteCode) {
        List<FieldError> errors = validate(username, password, email);
        String name = AccountRules.normalizeUsername(username);
        String mail = AccountRules.normalizeEmail(email);
        RegistrationMode mode = registration.current();
        if (users.anyUserExists()) {
            // cheap early answers, so a closed instance does not spend a bcrypt hash on every refused sign-up;
            // the authoritative checks are the locked ones below
            refuseUnlessAllowed(mode, inviteCode, errors);
        }
        if (!errors.isEmpty()) {
            throw TonearmException.invalid(errors);
        }
        // hashing takes ~250 ms: done before the writer lock is taken, not while holding it
        String hash = passwords.encode(password);
        return database.write(() -> {
            // "is this the first user?" and the insert must be one serialized step, or two racing sign-ups on an
            // empty instance would both become ADMIN
            users.lockRegistrations();
            boolean first = !users.anyUserExists();
            RegistrationMode now = registration.current();
            if (!first && now == RegistrationMode.CLOSED) {
                throw TonearmException.permissionDenied(closedDetail());
            }
            long id = insertUnique(name, mail, hash, first ? Role.ADMIN : Role.USER);
            if (!first && now == RegistrationMode.INVITE && !invites.redeem(inviteCode, id)) {
                // someone spent the code in the meantime: the exception rolls the insert back
                throw invalidInvite();
            }
            return sessions.start(users.findById(id).orElseThrow());
        });
    }

    /** An admin creates an account (docs/api.md#accounts-and-authentication: the way in on a closed instance). */
    public UserRow create(String username, String password, String email, Role role) {
        List<FieldError> errors = validate(username, password, email);
        if (!errors.isEmpty()) {
            throw TonearmException.invalid(errors);
        }
        String hash = passwords.encode(password);
        String name = AccountRules.normalizeUsername(username);
        return database.write(() -> users.findById(
                insertUnique(name, AccountRules.normalizeEmail(email), hash, role == null ? Role.USER : role)).orElseThrow());
    }

    private static List<FieldError> validate(String username, String password, String email) {
        List<FieldError> errors = new ArrayList<>(AccountRules.checkUsername(username));
        errors.addAll(AccountRules.checkEmail(email));
        errors.addAll(AccountRules.checkPassword(password, username, email));
        return errors;
    }

    private void refuseUnlessAllowed(RegistrationMode mode, String inviteCode, List<FieldError> errors) {
        if (mode == RegistrationMode.CLOSED) {
            throw TonearmException.permissionDenied(closedDetail());
        }
        if (mode == RegistrationMode.INVITE && (inviteCode == null || inviteCode.isBlank())) {
            throw TonearmException.permissionDenied(
                    "Registration on this instance needs an invite code (invite_code); ask an administrator");
        }
        if (mode == RegistrationMode.INVITE && !invites.usable(inviteCode)) {
            errors.add(new FieldError("invite_code", "is unknown, already used or expired"));
        }
    }

    private long insertUnique(String name, String mail, String hash, Role role) {
        if (users.findByUsername(name).isPresent()) {
            throw TonearmException.conflict("The username " + name + " is already taken");
        }
        if (mail != null && users.findByEmail(mail).isPresent()) {
            throw TonearmException.conflict("An account with this email address already exists");
        }
        return users.insert(name, mail, hash, role, System.currentTimeMillis());
    }

    private static TonearmException invalidInvite() {
        return TonearmException.invalid("invite_code", "is unknown, already used or expired");
    }

    private static String closedDetail() {
        return "Registration on this instance is closed; ask an administrator to create your account";
    }

    /**
     * Logs in with a username or an email address. Unknown account, wrong password and disabled account all get
     * the same 401, and an unknown account still costs one bcrypt check, so neither the answer nor its timing
     * tells which accounts exist. Failures count towards the {@link LoginThrottle} lock of the name typed.
     */
    public Session login(String login, String password) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            List<FieldError> missing = new ArrayList<>();
            if (login == null || login.isBlank()) {
                missing.add(new FieldError("username", "is required"));
            }
            if (password == null || password.isEmpty()) {
                missing.add(new FieldError("password", "is required"));
            }
            throw TonearmException.invalid(missing);
        }
        String key = login.trim().toLowerCase(java.util.Locale.ROOT);
        throttle.checkNotLocked(key);
        Optional<UserRow> found = key.contains("@") ? users.findByEmail(key) : users.findByUsername(key);
        if (found.isEmpty()) {
            passwords.dummyCheck(password);
            throttle.recordFailure(key);
            throw invalidCredentials();
        }
        UserRow user = found.get();
        boolean ok = passwords.matches(password, user.passwordHash());
        if (!ok || user.disabled()) {
            throttle.recordFailure(key);
            throw invalidCredentials();
        }
        throttle.recordSuccess(key);
        if (passwords.needsRehash(user.passwordHash())) {
            String upgraded = passwords.encode(password);
            database.writeVoid(() -> users.updatePasswordHash(user.id(), upgraded, System.currentTimeMillis()));
        }
        return sessions.start(user);
    }

    private static TonearmException invalidCredentials() {
        return new TonearmException(ErrorCode.AUTH_INVALID_CREDENTIALS, "Wrong username or password");
    }
}
