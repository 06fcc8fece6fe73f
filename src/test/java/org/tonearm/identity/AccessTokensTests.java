package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tonearm.identity.internal.config.IdentityProperties;
import org.tonearm.identity.internal.token.AccessTokens;
import org.tonearm.shared.DatabaseProperties;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/** Signing keys of JWT access tokens: configured secret or a key file that survives restarts. */
class AccessTokensTests {

    @TempDir
    Path dataDir;

    private AccessTokens withSecret(String secret) {
        return new AccessTokens(new IdentityProperties(secret, null, null), new DatabaseProperties(dataDir.toString(), null));
    }

    @Test
    void nodesSharingASecretAcceptEachOthersTokens() {
        String secret = "0123456789abcdef0123456789abcdef";
        String token = withSecret(secret).issue(7, "ann", Role.ADMIN);

        AuthenticatedUser user = withSecret(secret).verify(token);

        assertThat(user.id()).isEqualTo(7);
        assertThat(user.username()).isEqualTo("ann");
        assertThat(user.role()).isEqualTo(Role.ADMIN);
        assertThat(user.scopes()).isEqualTo(Scopes.ALL);
        assertThat(user.viaApiToken()).isFalse();
        assertThat(Files.exists(dataDir.resolve("jwt-signing.key"))).isFalse();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsInvalid() {
        String token = withSecret("0123456789abcdef0123456789abcdef").issue(7, "ann", Role.USER);

        assertThatThrownBy(() -> withSecret("fedcba9876543210fedcba9876543210").verify(token))
                .isInstanceOfSatisfying(TonearmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_TOKEN_INVALID));
    }

    @Test
    void secretShorterThanThirtyTwoBytesIsRefusedAtStart() {
        assertThatThrownBy(() -> withSecret("0123456789abcdef0123456789abcde"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        withSecret("0123456789abcdef0123456789abcdef"); // 32: fine
    }

    @Test
    void generatedKeyFileIsReusedAfterARestart() {
        String token = withSecret(null).issue(3, "bo", Role.USER);
        assertThat(dataDir.resolve("jwt-signing.key")).exists();

        assertThat(withSecret("").verify(token).id()).isEqualTo(3);
    }

    @Test
    void tokenExpiresAfterItsLifetime() {
        AccessTokens tokens = withSecret(null);
        String expired = tokens.issue(3, "bo", Role.USER, Instant.now().minus(tokens.lifetime()).minusSeconds(1));

        assertThatThrownBy(() -> tokens.verify(expired))
                .isInstanceOfSatisfying(TonearmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_TOKEN_EXPIRED));
    }
}
