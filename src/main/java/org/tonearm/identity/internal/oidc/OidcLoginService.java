package org.tonearm.identity.internal.oidc;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.tonearm.identity.internal.account.OidcAccounts;
import org.tonearm.identity.internal.account.Session;
import org.tonearm.identity.internal.config.OidcProperties;
import org.tonearm.identity.internal.persistence.JooqOidcLoginStateRepository;
import org.tonearm.identity.internal.persistence.OidcLoginStateRow;
import org.tonearm.identity.internal.token.TokenSecrets;
import org.tonearm.shared.Database;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.TonearmException.FieldError;

/**
 * OpenID Connect login, authorization code flow with PKCE (docs/api.md#accounts-and-authentication; OIDC Core §3.1, RFC 7636, RFC 9700):
 * <ol>
 *   <li>{@link #begin}: a random {@code state} (256 bits), {@code nonce} and PKCE verifier are made; the state's
 *       SHA-256, the verifier and the nonce are stored with a 10-minute expiry; the browser is sent to the
 *       provider with the state, the nonce and the S256 code challenge.</li>
 *   <li>{@link #complete}: the state comes back with the code; its row is taken (deleted: single use, whatever
 *       happens next), refused when unknown, used, of another provider or expired; the code is exchanged with the
 *       verifier and the ID token validated ({@link OidcTokenExchange}); {@link OidcAccounts} picks or creates the
 *       account, and a normal login session starts.</li>
 * </ol>
 */
@Service
public class OidcLoginService {

    private final OidcProviders providers;
    private final OidcTokenExchange exchange;
    private final OidcAccounts accounts;
    private final JooqOidcLoginStateRepository states;
    private final Database database;
    private final Clock clock;
    private final Duration stateTtl;

    OidcLoginService(OidcProviders providers, OidcTokenExchange exchange, OidcAccounts accounts,
            JooqOidcLoginStateRepository states, Database database, @Qualifier("oidcClock") Clock clock,
            OidcProperties properties) {
        this.providers = providers;
        this.exchange = exchange;
        this.accounts = accounts;
        this.states = states;
        this.database = database;
        this.clock = clock;
        this.stateTtl = properties.stateTtl();
    }

    /** A provider as a login button shows it. */
    public record ProviderSummary(String id, String displayName) {}

    public List<ProviderSummary> providers() {
        return providers.configured().entrySet().stream()
                .map(e -> new ProviderSummary(e.getKey(), e.getValue().displayNameOr(e.getKey()))).toList();
    }

    /** Starts a login at {@code providerId}; returns where to send the browser. */
    public URI begin(String providerId, String redirectUri) {
        OidcProvider provider = providers.get(providerId);
        String state = TokenSecrets.newRefreshToken();
        String nonce = TokenSecrets.newRefreshToken();
        CodeVerifier verifier = new CodeVerifier();
        long now = clock.millis();
        database.writeVoid(() -> {
            // abandoned logins would otherwise stay for ever; a cheap indexed delete on the way
            states.deleteExpired(now);
            states.insert(TokenSecrets.sha256Hex(state), new OidcLoginStateRow(providerId, verifier.getValue(),
                    nonce, redirectUri, now, now + stateTtl.toMillis()));
        });
        return new AuthenticationRequest.Builder(ResponseType.CODE, provider.scope(), provider.clientId(),
                URI.create(redirectUri))
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(new State(state))
                .nonce(new Nonce(nonce))
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /**
     * Finishes a login from the provider's redirect. {@code error} is the provider's OAuth error code when it did
     * not log the person in (e.g. {@code access_denied}).
     */
    public Session complete(String providerId, String code, String state, String error) {
        if (!providers.configured().containsKey(providerId)) {
            throw TonearmException.notFound("OpenID Connect provider '" + providerId + "'");
        }
        if (state == null || state.isBlank()) {
            throw TonearmException.invalid("state", "is required");
        }
        OidcLoginStateRow row = database.write(() -> states.take(TokenSecrets.sha256Hex(state)))
                .filter(r -> r.provider().equals(providerId))
                .orElseThrow(() -> invalidState("is unknown or was already used; start the login again"));
        if (row.expiresAt() <= clock.millis()) {
            throw invalidState("has expired: a login must be finished within " + stateTtl.toMinutes()
                    + " minutes; start the login again");
        }
        if (error != null && !error.isBlank()) {
            throw new TonearmException(ErrorCode.AUTH_INVALID_CREDENTIALS,
                    "The identity provider did not log you in (" + oauthErrorCode(error) + ")");
        }
        if (code == null || code.isBlank()) {
            throw TonearmException.invalid("code", "is required");
        }
        OidcProvider provider = providers.get(providerId);
        return accounts.login(exchange.exchange(provider, code, row.codeVerifier(), row.redirectUri(), row.nonce()));
    }

    private static TonearmException invalidState(String message) {
        return TonearmException.invalid(List.of(new FieldError("state", message)));
    }

    /** RFC 6749 §4.1.2.1 error codes are ASCII; anything else is not echoed back. */
    private static String oauthErrorCode(String error) {
        return error.matches("[A-Za-z0-9_.-]{1,64}") ? error : "error";
    }
}
