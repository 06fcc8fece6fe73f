package org.tonearm.identity.internal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tonearm.identity.Role;
import org.tonearm.identity.internal.config.RegistrationMode;
import org.tonearm.identity.internal.config.RegistrationProperties;
import org.tonearm.identity.internal.persistence.JooqUserRepository;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.shared.Database;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.TonearmException.FieldError;

/** Registration and password login (SPEC §2, §8). */
@Service
public class AccountService {

    private final Database database;
    private final JooqUserRepository users;
    private final PasswordHashing passwords;
    private final SessionService sessions;
    private final RegistrationMode registration;

    public AccountService(Database database, JooqUserRepository users, PasswordHashing passwords,
            SessionService sessions, RegistrationProperties registration) {
        this.database = database;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.registration = registration.registration();
    }

    /**
     * Creates an account and logs it in. The first account of an empty instance becomes ADMIN whatever the
     * registration mode; later ones need {@code tonearm.registration=open}.
     */
    public Session register(String username, String password, String email) {
        List<FieldError> errors = new ArrayList<>(AccountRules.checkUsername(username));
        errors.addAll(AccountRules.checkEmail(email));
        errors.addAll(AccountRules.checkPassword(password, username, email));
        if (!errors.isEmpty()) {
            throw TonearmException.invalid(errors);
        }
        String name = AccountRules.normalizeUsername(username);
        String mail = AccountRules.normalizeEmail(email);
        if (registration != RegistrationMode.OPEN && users.anyUserExists()) {
            // cheap early answer, so a closed instance does not spend a bcrypt hash on every refused sign-up;
            // the authoritative check is the locked one below
            throw TonearmException.permissionDenied(closedDetail());
        }
        // hashing takes ~250 ms: done before the writer lock is taken, not while holding it
        String hash = passwords.encode(password);
        return database.write(() -> {
            // "is this the first user?" and the insert must be one serialized step, or two racing sign-ups on an
            // empty instance would both become ADMIN
            users.lockRegistrations();
            boolean first = !users.anyUserExists();
            if (!first && registration != RegistrationMode.OPEN) {
                throw TonearmException.permissionDenied(closedDetail());
            }
            if (users.findByUsername(name).isPresent()) {
                throw TonearmException.conflict("The username " + name + " is already taken");
            }
            if (mail != null && users.findByEmail(mail).isPresent()) {
                throw TonearmException.conflict("An account with this email address already exists");
            }
            long now = System.currentTimeMillis();
            long id = users.insert(name, mail, hash, first ? Role.ADMIN : Role.USER, now);
            return sessions.start(users.findById(id).orElseThrow());
        });
    }

    private String closedDetail() {
        // INVITE: invite codes are a later issue; until they exist an invite-only instance is closed to sign-ups
        return registration == RegistrationMode.INVITE
                ? "Registration on this instance needs an invite, which is not supported yet; ask an administrator"
                : "Registration on this instance is closed; ask an administrator to create your account";
    }

    /**
     * Logs in with a username or an email address. Unknown account, wrong password and disabled account all get
     * the same 401, and an unknown account still costs one bcrypt check, so neither the answer nor its timing
     * tells which accounts exist.
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
        Optional<UserRow> found = key.contains("@") ? users.findByEmail(key) : users.findByUsername(key);
        if (found.isEmpty()) {
            passwords.dummyCheck(password);
            throw invalidCredentials();
        }
        UserRow user = found.get();
        boolean ok = passwords.matches(password, user.passwordHash());
        if (!ok || user.disabled()) {
            throw invalidCredentials();
        }
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
