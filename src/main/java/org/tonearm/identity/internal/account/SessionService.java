package org.tonearm.identity.internal.account;

import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.tonearm.identity.internal.config.IdentityProperties;
import org.tonearm.identity.internal.persistence.JooqRefreshTokenRepository;
import org.tonearm.identity.internal.persistence.JooqUserRepository;
import org.tonearm.identity.internal.persistence.RefreshTokenRow;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.identity.internal.token.AccessTokens;
import org.tonearm.identity.internal.token.TokenSecrets;
import org.tonearm.shared.Database;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * Login sessions for the API (docs/api.md#accounts-and-authentication): a JWT access token plus an opaque refresh token that rotates on every
 * use. Every login starts a refresh-token family; presenting an already rotated token means it was stolen or
 * replayed, so the whole family is revoked (OAuth 2.0 Security BCP, RFC 9700 §4.14.2).
 */
@Service
public class SessionService {

    private final Database database;
    private final JooqRefreshTokenRepository refreshTokens;
    private final JooqUserRepository users;
    private final AccessTokens accessTokens;
    private final Duration refreshLifetime;

    public SessionService(Database database, JooqRefreshTokenRepository refreshTokens, JooqUserRepository users,
            AccessTokens accessTokens, IdentityProperties properties) {
        this.database = database;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.accessTokens = accessTokens;
        this.refreshLifetime = properties.refreshTokenTtl();
    }

    /** Starts a new family for {@code user}. Call inside {@link Database#write} (or it opens its own). */
    public Session start(UserRow user) {
        return database.write(() -> issue(user, UUID.randomUUID().toString()));
    }

    /** Exchanges a refresh token for a new session in the same family; 401 for anything but a live token. */
    public Session refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw TonearmException.invalid("refresh_token", "is required");
        }
        String hash = TokenSecrets.sha256Hex(refreshToken);
        // the outcome is returned, not thrown, so that a family revocation commits before the 401 goes out
        Object outcome = database.write(() -> rotate(hash));
        if (outcome instanceof TonearmException rejected) {
            throw rejected;
        }
        return (Session) outcome;
    }

    private Object rotate(String hash) {
        long now = System.currentTimeMillis();
        RefreshTokenRow row = refreshTokens.findBySha256(hash).orElse(null);
        if (row == null || row.revokedAt() != null) {
            return invalid("The refresh token is invalid or revoked");
        }
        if (row.rotatedAt() != null) {
            return reused(row, now);
        }
        if (row.expiresAt() <= now) {
            return new TonearmException(ErrorCode.AUTH_TOKEN_EXPIRED, "The refresh token has expired; log in again");
        }
        if (!refreshTokens.markRotated(row.id(), now)) {
            return reused(row, now); // a concurrent request rotated it first
        }
        UserRow user = users.findById(row.userId()).orElse(null);
        if (user == null || user.disabled()) {
            refreshTokens.revokeFamily(row.userId(), row.familyId(), now);
            return invalid("The refresh token is invalid or revoked");
        }
        return issue(user, row.familyId());
    }

    /** Revokes the family of {@code refreshToken} if it is the caller's, or every refresh token of theirs. */
    public void logout(long userId, String refreshToken) {
        long now = System.currentTimeMillis();
        database.writeVoid(() -> {
            if (refreshToken == null || refreshToken.isBlank()) {
                refreshTokens.revokeAllOfUser(userId, now);
                return;
            }
            refreshTokens.findBySha256(TokenSecrets.sha256Hex(refreshToken))
                    .filter(row -> row.userId() == userId)
                    .ifPresent(row -> refreshTokens.revokeFamily(userId, row.familyId(), now));
        });
    }

    private Session issue(UserRow user, String familyId) {
        long now = System.currentTimeMillis();
        String refresh = TokenSecrets.newRefreshToken();
        refreshTokens.insert(user.id(), TokenSecrets.sha256Hex(refresh), familyId, now, now + refreshLifetime.toMillis());
        String access = accessTokens.issue(user.id(), user.username(), user.role());
        return new Session(user.id(), user.username(), user.role(), access, refresh, accessTokens.lifetime().toSeconds());
    }

    private TonearmException reused(RefreshTokenRow row, long now) {
        refreshTokens.revokeFamily(row.userId(), row.familyId(), now);
        return invalid("The refresh token was already used; this login has been revoked");
    }

    private static TonearmException invalid(String detail) {
        return new TonearmException(ErrorCode.AUTH_TOKEN_INVALID, detail);
    }
}
