package org.tonearm.identity.internal.account;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.tonearm.identity.AccountDeleted;
import org.tonearm.identity.internal.persistence.JooqRefreshTokenRepository;
import org.tonearm.identity.internal.persistence.JooqUserRepository;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.shared.Database;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.TonearmException.FieldError;

/**
 * Password changes, "log out everywhere" and account deletion (docs/api.md#accounts-and-authentication). Ending sessions means both: every refresh
 * token revoked and {@code sessions_valid_after} moved to now, which {@link SessionGuard} applies to access tokens.
 */
@Service
public class CredentialService {

    private final Database database;
    private final JooqUserRepository users;
    private final JooqRefreshTokenRepository refreshTokens;
    private final PasswordHashing passwords;
    private final SessionService sessions;
    private final SessionGuard guard;
    private final CachingUserDirectory directory;
    private final ApplicationEventPublisher events;

    public CredentialService(Database database, JooqUserRepository users, JooqRefreshTokenRepository refreshTokens,
            PasswordHashing passwords, SessionService sessions, SessionGuard guard, CachingUserDirectory directory,
            ApplicationEventPublisher events) {
        this.database = database;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.sessions = sessions;
        this.guard = guard;
        this.directory = directory;
        this.events = events;
    }

    /**
     * Changes the caller's password after checking the current one; every other session ends, and the caller gets
     * a fresh session so the device that changed it stays logged in.
     */
    public Session changePassword(long userId, String current, String next) {
        UserRow user = users.findById(userId).orElseThrow(() -> TonearmException.notFound("user"));
        if (current == null || !passwords.matches(current, user.passwordHash())) {
            throw new TonearmException(ErrorCode.AUTH_INVALID_CREDENTIALS, "The current password is wrong");
        }
        List<FieldError> errors = AccountRules.checkPassword(next, user.username(), user.email());
        if (!errors.isEmpty()) {
            throw TonearmException.invalid(errors.stream().map(e -> new FieldError("new_password", e.message())).toList());
        }
        String hash = passwords.encode(next);
        Session session = database.write(() -> {
            long now = System.currentTimeMillis();
            users.updatePasswordHash(userId, hash, now);
            endSessions(userId, now);
            return sessions.start(user);
        });
        guard.evict(userId);
        return session;
    }

    /** An admin sets a new password: the user's sessions end, nothing is handed out. */
    public void resetPassword(long userId, String next) {
        UserRow user = users.findById(userId).orElseThrow(() -> TonearmException.notFound("user " + userId));
        List<FieldError> errors = AccountRules.checkPassword(next, user.username(), user.email());
        if (!errors.isEmpty()) {
            throw TonearmException.invalid(errors);
        }
        String hash = passwords.encode(next);
        database.writeVoid(() -> {
            long now = System.currentTimeMillis();
            users.updatePasswordHash(userId, hash, now);
            endSessions(userId, now);
        });
        guard.evict(userId);
    }

    /** Logout everywhere: every refresh token and every access token issued until now stop working. */
    public void endAllSessions(long userId) {
        database.writeVoid(() -> endSessions(userId, System.currentTimeMillis()));
        guard.evict(userId);
    }

    /** The caller deletes their own account; an account with a password must confirm it. */
    public void deleteOwnAccount(long userId, String password) {
        UserRow user = users.findById(userId).orElseThrow(() -> TonearmException.notFound("user"));
        if (user.passwordHash() != null && (password == null || !passwords.matches(password, user.passwordHash()))) {
            throw new TonearmException(ErrorCode.AUTH_INVALID_CREDENTIALS, "Confirm the deletion with your password");
        }
        delete(userId);
    }

    /**
     * Removes the account and, through {@code ON DELETE CASCADE} on every user-owned table, all of its data
     * (listens, tokens, imports...). {@link AccountDeleted} lets modules clean up what lives outside the database.
     */
    public void delete(long userId) {
        if (!database.write(() -> users.delete(userId))) {
            throw TonearmException.notFound("user " + userId);
        }
        guard.evict(userId);
        directory.evict(userId);
        events.publishEvent(new AccountDeleted(userId));
    }

    private void endSessions(long userId, long now) {
        refreshTokens.revokeAllOfUser(userId, now);
        users.setSessionsValidAfter(userId, now);
    }
}
