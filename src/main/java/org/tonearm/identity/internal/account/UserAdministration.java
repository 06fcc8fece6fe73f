package org.tonearm.identity.internal.account;

import java.util.List;
import org.springframework.stereotype.Service;
import org.tonearm.identity.Role;
import org.tonearm.identity.internal.persistence.JooqRefreshTokenRepository;
import org.tonearm.identity.internal.persistence.JooqUserRepository;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;

/**
 * What admins do to accounts (docs/api.md#accounts-and-authentication: admins manage users but do not read their history). An instance always
 * keeps one active admin: the last one cannot be demoted, disabled or deleted, or nobody could manage it again.
 */
@Service
public class UserAdministration {

    public static final int PAGE_MAX = 500;

    private final Database database;
    private final JooqUserRepository users;
    private final JooqRefreshTokenRepository refreshTokens;
    private final CredentialService credentials;
    private final SessionGuard guard;

    public UserAdministration(Database database, JooqUserRepository users, JooqRefreshTokenRepository refreshTokens,
            CredentialService credentials, SessionGuard guard) {
        this.database = database;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.credentials = credentials;
        this.guard = guard;
    }

    public record Page(List<UserRow> users, int total) {}

    public Page list(int limit, int offset) {
        if (limit < 1 || limit > PAGE_MAX) {
            throw TonearmException.invalid("limit", "must be 1 to " + PAGE_MAX);
        }
        if (offset < 0) {
            throw TonearmException.invalid("offset", "must not be negative");
        }
        return database.read(() -> new Page(users.list(limit, offset), users.count()));
    }

    public UserRow get(long id) {
        return users.findById(id).orElseThrow(() -> TonearmException.notFound("user " + id));
    }

    /** Disabling ends the account's sessions too; its API tokens stop working at once (checked per request). */
    public UserRow setDisabled(long id, boolean disabled) {
        UserRow result = database.write(() -> {
            UserRow user = get(id);
            if (disabled && user.role() == Role.ADMIN && !user.disabled()) {
                keepOneAdmin();
            }
            long now = System.currentTimeMillis();
            users.setDisabled(id, disabled, now);
            if (disabled) {
                refreshTokens.revokeAllOfUser(id, now);
            }
            return get(id);
        });
        guard.evict(id);
        return result;
    }

    public UserRow setRole(long id, Role role) {
        UserRow result = database.write(() -> {
            UserRow user = get(id);
            if (user.role() == Role.ADMIN && role != Role.ADMIN && !user.disabled()) {
                keepOneAdmin();
            }
            users.setRole(id, role, System.currentTimeMillis());
            return get(id);
        });
        guard.evict(id);
        return result;
    }

    public void delete(long id) {
        database.writeVoid(() -> {
            UserRow user = get(id);
            if (user.role() == Role.ADMIN && !user.disabled()) {
                keepOneAdmin();
            }
        });
        credentials.delete(id);
    }

    private void keepOneAdmin() {
        users.lockRegistrations(); // serializes with other admin changes on PostgreSQL
        if (users.countActiveAdmins() <= 1) {
            throw TonearmException.conflict("This is the last active admin; promote another account first");
        }
    }
}
