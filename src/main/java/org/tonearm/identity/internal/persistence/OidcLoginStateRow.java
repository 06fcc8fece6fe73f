package org.tonearm.identity.internal.persistence;

/** An OpenID Connect login under way (table {@code oidc_login_states}); times in epoch ms. */
public record OidcLoginStateRow(String provider, String codeVerifier, String nonce, String redirectUri,
        long createdAt, long expiresAt) {}
