package org.tonearm.identity.internal.account;

/**
 * Who an OpenID Connect provider says logged in, from a validated ID token (and the UserInfo endpoint where the
 * token leaves claims out).
 *
 * @param provider          Tonearm's id of the provider (configuration key)
 * @param subject           the provider's {@code sub}: the stable identifier of the person there
 * @param email             {@code email}, or null
 * @param emailVerified     {@code email_verified} is true: the provider vouches that the person owns the address
 * @param preferredUsername {@code preferred_username}, or null
 * @param name              {@code name}, or null
 */
public record OidcIdentity(String provider, String subject, String email, boolean emailVerified,
        String preferredUsername, String name) {}
