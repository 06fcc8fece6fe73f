package org.tonearm.identity.internal.legacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.LegacyCredentialVerifier;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.internal.account.AccountRules;
import org.tonearm.identity.internal.account.PasswordHashing;
import org.tonearm.identity.internal.persistence.ApiTokenOwner;
import org.tonearm.identity.internal.persistence.JooqApiTokenRepository;
import org.tonearm.identity.internal.persistence.JooqLegacyTokenRepository;
import org.tonearm.identity.internal.persistence.JooqLegacyTokenRepository.TokenDigest;
import org.tonearm.identity.internal.persistence.JooqUserRepository;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.identity.internal.token.TokenSecrets;

/**
 * {@link LegacyCredentialVerifier}. Unknown users still cost a bcrypt check on the password path, so timing does
 * not tell which accounts exist; digests are compared in constant time.
 */
@Service
class DefaultLegacyCredentialVerifier implements LegacyCredentialVerifier {

    private final JooqUserRepository users;
    private final JooqApiTokenRepository apiTokens;
    private final JooqLegacyTokenRepository digests;
    private final PasswordHashing passwords;

    DefaultLegacyCredentialVerifier(JooqUserRepository users, JooqApiTokenRepository apiTokens,
            JooqLegacyTokenRepository digests, PasswordHashing passwords) {
        this.users = users;
        this.apiTokens = apiTokens;
        this.digests = digests;
        this.passwords = passwords;
    }

    @Override
    public Optional<LegacyLogin> password(String username, String password) {
        if (blank(username) || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserRow> user = activeUser(username);
        if (user.isEmpty()) {
            passwords.dummyCheck(password);
            return Optional.empty();
        }
        // an API token given as the password: clients that only know "username + password" fields
        if (password.startsWith(TokenSecrets.API_TOKEN_PREFIX)) {
            Optional<ApiTokenOwner> owner = apiTokens.findOwnerBySha256(TokenSecrets.sha256Hex(password))
                    .filter(o -> o.userId() == user.get().id() && !o.disabled());
            if (owner.isPresent()) {
                return Optional.of(login(user.get(), Set.copyOf(owner.get().scopes()), owner.get().tokenId()));
            }
        }
        if (passwords.matches(password, user.get().passwordHash())) {
            return Optional.of(login(user.get(), Scopes.ALL, null));
        }
        return Optional.empty();
    }

    @Override
    public Optional<LegacyLogin> lastfmAuthToken(String username, String authToken) {
        if (blank(username) || blank(authToken)) {
            return Optional.empty();
        }
        // pylast and friends hash the username as typed; Tonearm usernames are lower-case, so try both spellings
        return activeUser(username).flatMap(user -> matchDigest(user,
                d -> TokenSecrets.md5Hex(username + d.md5Hex()), d -> TokenSecrets.md5Hex(user.username() + d.md5Hex()),
                authToken));
    }

    @Override
    public Optional<LegacyLogin> audioscrobblerToken(String username, String timestamp, String authToken) {
        if (blank(username) || blank(timestamp) || blank(authToken)) {
            return Optional.empty();
        }
        return activeUser(username).flatMap(user -> matchDigest(user,
                d -> TokenSecrets.md5Hex(d.md5Hex() + timestamp), d -> TokenSecrets.md5Hex(d.md5Hex() + timestamp),
                authToken));
    }

    @Override
    public boolean stillValid(long userId, Long apiTokenId) {
        Optional<UserRow> user = users.findById(userId).filter(u -> !u.disabled());
        return user.isPresent() && (apiTokenId == null || digests.exists(userId, apiTokenId));
    }

    private Optional<LegacyLogin> matchDigest(UserRow user, java.util.function.Function<TokenDigest, String> first,
            java.util.function.Function<TokenDigest, String> second, String presented) {
        byte[] given = presented.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        for (TokenDigest d : digests.digestsOfUser(user.id())) {
            if (same(first.apply(d), given) || same(second.apply(d), given)) {
                return Optional.of(login(user, Set.copyOf(d.scopes()), d.tokenId()));
            }
        }
        return Optional.empty();
    }

    private static boolean same(String expectedHex, byte[] given) {
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII), given);
    }

    private Optional<UserRow> activeUser(String username) {
        return users.findByUsername(AccountRules.normalizeUsername(username.trim())).filter(u -> !u.disabled());
    }

    private static LegacyLogin login(UserRow user, Set<String> scopes, Long tokenId) {
        return new LegacyLogin(new AuthenticatedUser(user.id(), user.username(), user.role(), scopes, true), tokenId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
