package org.tonearm.identity.internal.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.registration} ({@code TONEARM_REGISTRATION}): docs/api.md#accounts-and-authentication names this key at the top level, not
 * under {@code tonearm.identity}. Boot binds every {@code @ConfigurationProperties} bean on its own and ignores
 * keys a record does not declare, so this one-field record can share the {@code tonearm} prefix with
 * {@code DatabaseProperties} and still give a typed, validated enum (an unknown value fails at start-up,
 * which a {@code @Value} string would not).
 */
@ConfigurationProperties("tonearm")
public record RegistrationProperties(RegistrationMode registration) {

    public RegistrationProperties {
        if (registration == null) {
            registration = RegistrationMode.CLOSED;
        }
    }
}
