package org.tonearm.identity.internal.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Role;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.internal.config.IdentityProperties;
import org.tonearm.shared.DatabaseProperties;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * Short-lived JWT access tokens (docs/api.md#accounts-and-authentication): HS256, claims {@code sub} (user id), {@code username}, {@code role}.
 * Verification is strict: only HS256 is accepted (so {@code alg:none} and algorithm confusion are refused),
 * the signature is checked before anything else is believed, and an expired token is told apart from a bad one
 * (AUTH_TOKEN_EXPIRED vs AUTH_TOKEN_INVALID) so clients know to refresh.
 */
@Component
public class AccessTokens {

    static final String ISSUER = "tonearm";
    static final String ISSUED_AT_MS = "iat_ms";

    /** A genuine, unexpired token: its caller and when it was issued (epoch ms). */
    public record Verified(AuthenticatedUser user, long issuedAtMillis) {}

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration lifetime;

    public AccessTokens(IdentityProperties identity, DatabaseProperties data) {
        byte[] key = SigningKeyProvider.load(identity, data);
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable JWT signing key", e);
        }
        this.lifetime = identity.accessTokenTtl();
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(long userId, String username, Role role) {
        return issue(userId, username, role, Instant.now());
    }

    /** Issues a token as if at {@code issuedAt}; tests use a past instant to get an expired but genuine token. */
    public String issue(long userId, String username, Role role, Instant issuedAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .claim("username", username)
                .claim("role", role.name())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                // JWT "iat" has whole seconds; revocation (users.sessions_valid_after) needs milliseconds
                .claim(ISSUED_AT_MS, issuedAt.toEpochMilli())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    /** The caller a valid token stands for (a login session carries every scope); else a 401 exception. */
    public AuthenticatedUser verify(String token) {
        return verifyToken(token).user();
    }

    /** Like {@link #verify}, also telling when the token was issued, so revoked sessions can be refused. */
    public Verified verifyToken(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !ISSUER.equals(claims.getIssuer())) {
                throw invalid();
            }
            if (!expiry.toInstant().isAfter(Instant.now())) {
                throw new TonearmException(ErrorCode.AUTH_TOKEN_EXPIRED, "The access token has expired; refresh it");
            }
            Long issuedAtMs = claims.getLongClaim(ISSUED_AT_MS);
            long issued = issuedAtMs != null ? issuedAtMs
                    : claims.getIssueTime() != null ? claims.getIssueTime().getTime() : 0L;
            return new Verified(new AuthenticatedUser(Long.parseLong(claims.getSubject()), claims.getStringClaim("username"),
                    Role.valueOf(claims.getStringClaim("role")), Scopes.ALL, false), issued);
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            // ParseException: not a JWS at all (alg:none lands here too); IllegalArgumentException: bad sub/role
            throw invalid();
        }
    }

    private static TonearmException invalid() {
        return new TonearmException(ErrorCode.AUTH_TOKEN_INVALID, "The access token is invalid");
    }
}
