package org.tonearm.identity.internal.persistence;

/** An account's identity at an OpenID Connect provider (table {@code oidc_identities}). */
public record OidcIdentityRow(long id, long userId, String provider, String subject, String email) {}
