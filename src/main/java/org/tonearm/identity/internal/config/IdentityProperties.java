package org.tonearm.identity.internal.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings ({@code TONEARM_IDENTITY_JWT_SECRET}, {@code TONEARM_IDENTITY_ACCESS_TOKEN_TTL}, ...).
 *
 * @param jwtSecret       HS256 signing secret (at least 32 bytes). Blank: a random key is generated on first
 *                        start and kept in {@code <data-dir>/jwt-signing.key}. Several nodes must share one
 *                        secret, so multi-node deployments set it.
 * @param accessTokenTtl  lifetime of a JWT access token (docs/api.md#accounts-and-authentication: 1 h)
 * @param refreshTokenTtl lifetime of an opaque refresh token, renewed by every rotation (docs/api.md#accounts-and-authentication: 30 d)
 */
@ConfigurationProperties("tonearm.identity")
public record IdentityProperties(String jwtSecret, Duration accessTokenTtl, Duration refreshTokenTtl) {

    public IdentityProperties {
        if (accessTokenTtl == null) {
            accessTokenTtl = Duration.ofHours(1);
        }
        if (refreshTokenTtl == null) {
            refreshTokenTtl = Duration.ofDays(30);
        }
    }
}
