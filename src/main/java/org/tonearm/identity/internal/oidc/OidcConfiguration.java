package org.tonearm.identity.internal.oidc;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock that dates OpenID Connect logins, a bean so that tests can move it past the 10-minute state expiry. */
@Configuration(proxyBeanMethods = false)
class OidcConfiguration {

    @Bean
    Clock oidcClock() {
        return Clock.systemUTC();
    }
}
