package org.tonearm.identity.internal.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tonearm.identity.ApiTokenAuthenticator;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.internal.persistence.ApiTokenOwner;
import org.tonearm.identity.internal.persistence.ApiTokenRow;
import org.tonearm.identity.internal.persistence.JooqApiTokenRepository;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.TonearmException.FieldError;

/**
 * Personal API tokens (docs/api.md#accounts-and-authentication): named, shown once, stored as SHA-256 (lookup) plus md5 (legacy Last.fm and
 * Audioscrobbler schemes), revocable, with scopes.
 */
@Service
public class ApiTokenService implements ApiTokenAuthenticator {

    public static final int NAME_MAX = 100;
    /** last_used_at is informational: one write per token per minute instead of one per request. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final Database database;
    private final JooqApiTokenRepository tokens;
    private final Cache<Long, Boolean> recentlyTouched = Caffeine.newBuilder()
            .expireAfterWrite(LAST_USED_GRANULARITY)
            .maximumSize(100_000)
            .build();

    public ApiTokenService(Database database, JooqApiTokenRepository tokens) {
        this.database = database;
        this.tokens = tokens;
    }

    public record CreatedToken(ApiTokenRow row, String token) {}

    /** {@code scopes} null means all scopes. */
    public CreatedToken create(long userId, String name, List<String> scopes) {
        String trimmedName = name == null ? "" : name.strip();
        List<FieldError> errors = new ArrayList<>();
        if (trimmedName.isEmpty() || trimmedName.length() > NAME_MAX) {
            errors.add(new FieldError("name", "must be 1 to " + NAME_MAX + " characters"));
        }
        List<String> granted = checkScopes(scopes, errors);
        if (!errors.isEmpty()) {
            throw TonearmException.invalid(errors);
        }
        String token = TokenSecrets.newApiToken();
        long now = System.currentTimeMillis();
        long id = database.write(() -> tokens.insert(userId, trimmedName, TokenSecrets.sha256Hex(token),
                TokenSecrets.md5Hex(token), granted, now));
        return new CreatedToken(new ApiTokenRow(id, userId, trimmedName, granted, now, null), token);
    }

    private static List<String> checkScopes(List<String> scopes, List<FieldError> errors) {
        if (scopes == null) {
            return Scopes.ALL.stream().sorted().toList();
        }
        if (scopes.isEmpty()) {
            errors.add(new FieldError("scopes", "must name at least one scope; omit it for all of them"));
        }
        Set<String> granted = new LinkedHashSet<>();
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i);
            if (scope == null || !Scopes.ALL.contains(scope)) {
                errors.add(new FieldError("scopes[" + i + "]", "unknown scope; known: " + String.join(", ",
                        Scopes.ALL.stream().sorted().toList())));
            } else {
                granted.add(scope);
            }
        }
        return granted.stream().sorted().toList();
    }

    public List<ApiTokenRow> list(long userId) {
        return tokens.listForUser(userId);
    }

    /** 404 also for another user's token: whether an id exists is nobody else's business. */
    public void delete(long userId, long tokenId) {
        if (!database.write(() -> tokens.delete(userId, tokenId))) {
            throw TonearmException.notFound("API token " + tokenId);
        }
        recentlyTouched.invalidate(tokenId);
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<ApiTokenOwner> found = tokens.findOwnerBySha256(TokenSecrets.sha256Hex(token)).filter(o -> !o.disabled());
        found.ifPresent(this::touch);
        return found.map(o -> new AuthenticatedUser(o.userId(), o.username(), o.role(), Set.copyOf(o.scopes()), true));
    }

    private void touch(ApiTokenOwner owner) {
        long now = System.currentTimeMillis();
        if (owner.lastUsedAt() != null && now - owner.lastUsedAt() < LAST_USED_GRANULARITY.toMillis()) {
            return; // another node (or an earlier run) wrote it recently
        }
        if (recentlyTouched.asMap().putIfAbsent(owner.tokenId(), Boolean.TRUE) == null) {
            database.writeVoid(() -> tokens.touch(owner.tokenId(), now));
        }
    }
}
