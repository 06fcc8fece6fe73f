package org.tonearm.identity.internal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tonearm.identity.internal.account.OidcIdentity;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * The back-channel half of a login: the authorization code and the PKCE verifier are exchanged at the provider's
 * token endpoint (client_secret_basic), and the ID token that comes back is validated — signature against the
 * provider's keys, {@code iss}, {@code aud}, {@code exp}/{@code iat}, and the {@code nonce} of this login (OIDC Core
 * §3.1.3.7). Claims the ID token leaves out (some providers put email only in UserInfo) are read from the UserInfo
 * endpoint, whose {@code sub} must be the ID token's (OIDC Core §5.3.4). Codes, tokens and secrets are never logged.
 */
@Component
class OidcTokenExchange {

    private static final Logger log = LoggerFactory.getLogger(OidcTokenExchange.class);

    OidcIdentity exchange(OidcProvider provider, String code, String codeVerifier, String redirectUri, String nonce) {
        OIDCTokenResponse tokens = requestTokens(provider, code, codeVerifier, redirectUri);
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims;
        try {
            claims = provider.idTokens().validate(idToken, new Nonce(nonce));
        } catch (BadJOSEException | JOSEException e) {
            log.warn("OpenID Connect provider {} returned an ID token that does not validate: {}", provider.id(), e.getMessage());
            throw new TonearmException(ErrorCode.AUTH_TOKEN_INVALID,
                    "The identity provider's ID token is invalid (signature, issuer, audience, expiry or nonce)");
        }
        Map<String, Object> merged = new HashMap<>(claims.toJSONObject());
        if (merged.get("email") == null && provider.metadata().getUserInfoEndpointURI() != null) {
            userInfo(provider, tokens.getOIDCTokens().getAccessToken(), claims.getSubject().getValue())
                    .forEach(merged::putIfAbsent);
        }
        return new OidcIdentity(provider.id(), claims.getSubject().getValue(), string(merged.get("email")),
                isTrue(merged.get("email_verified")), string(merged.get("preferred_username")), string(merged.get("name")));
    }

    private static OIDCTokenResponse requestTokens(OidcProvider provider, String code, String codeVerifier, String redirectUri) {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(redirectUri),
                new CodeVerifier(codeVerifier));
        URI endpoint = provider.metadata().getTokenEndpointURI();
        TokenRequest request = provider.clientSecret() == null
                ? new TokenRequest(endpoint, provider.clientId(), grant)
                : new TokenRequest(endpoint, new ClientSecretBasic(provider.clientId(), new Secret(provider.clientSecret())), grant);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(bounded(request.toHTTPRequest()).send());
        } catch (IOException | ParseException e) {
            log.warn("OpenID Connect token request to provider {} failed: {}", provider.id(), e.toString());
            throw OidcProviders.unreachable(provider.id());
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            log.info("OpenID Connect provider {} refused the authorization code: {}", provider.id(), error.getCode());
            throw new TonearmException(ErrorCode.AUTH_INVALID_CREDENTIALS,
                    "The identity provider did not accept the login (" + error.getCode() + "); start the login again");
        }
        if (!(response.toSuccessResponse() instanceof OIDCTokenResponse oidc) || oidc.getOIDCTokens().getIDToken() == null) {
            log.warn("OpenID Connect provider {} returned no ID token (is the 'openid' scope allowed?)", provider.id());
            throw new TonearmException(ErrorCode.EXTERNAL_SERVICE_ERROR, "The identity provider returned no ID token");
        }
        return oidc;
    }

    private static Map<String, Object> userInfo(OidcProvider provider, AccessToken accessToken, String subject) {
        try {
            UserInfoResponse response = UserInfoResponse.parse(bounded(
                    new UserInfoRequest(provider.metadata().getUserInfoEndpointURI(), accessToken).toHTTPRequest()).send());
            if (!response.indicatesSuccess() || response.toSuccessResponse().getUserInfo() == null) {
                // signed or encrypted UserInfo, or an error: log in with what the ID token said
                log.info("OpenID Connect provider {}: no usable UserInfo response", provider.id());
                return Map.of();
            }
            Map<String, Object> info = response.toSuccessResponse().getUserInfo().toJSONObject();
            if (!subject.equals(info.get("sub"))) {
                log.warn("OpenID Connect provider {}: UserInfo is about another subject; ignored", provider.id());
                return Map.of();
            }
            return info;
        } catch (IOException | ParseException e) {
            log.warn("OpenID Connect UserInfo request to provider {} failed: {}", provider.id(), e.toString());
            throw OidcProviders.unreachable(provider.id());
        }
    }

    private static HTTPRequest bounded(HTTPRequest request) {
        request.setConnectTimeout((int) OidcProviders.CONNECT_TIMEOUT.toMillis());
        request.setReadTimeout((int) OidcProviders.READ_TIMEOUT.toMillis());
        return request;
    }

    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    /** {@code email_verified} is a JSON boolean; a few providers send the string "true". */
    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }
}
