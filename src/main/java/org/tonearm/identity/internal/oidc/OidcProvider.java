package org.tonearm.identity.internal.oidc;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * A configured provider after discovery: its endpoints (from {@code /.well-known/openid-configuration}) and the
 * validator of its ID tokens (signature against its JWKS, which is cached and re-read when a new key id appears).
 *
 * @param clientSecret null for a public client (PKCE only, no client authentication)
 */
record OidcProvider(String id, ClientID clientId, String clientSecret, Scope scope, OIDCProviderMetadata metadata,
        IDTokenValidator idTokens) {

    @Override
    public String toString() {
        return "OidcProvider[" + id + ", issuer=" + metadata.getIssuer() + "]";
    }
}
