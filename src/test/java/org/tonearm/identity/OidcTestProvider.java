package org.tonearm.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server in an application context of its own on a
 * random port (docs/architecture.md: no mocked provider). One registered client, {@code tonearm}, with a secret
 * (client_secret_basic), PKCE required and no consent screen; a handful of people, each with the email claims a test
 * needs, put into the ID token by a token customizer. Started once per JVM, on first use.
 */
final class OidcTestProvider {

    static final String CLIENT_ID = "tonearm";
    static final String CLIENT_SECRET = "s3cret-" + UUID.randomUUID();
    static final String PASSWORD = "provider-password";
    /** Emails unique to this JVM: the suite's database is shared by every test class. */
    private static final String DOMAIN = "@" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";

    /** Someone with an account at the provider, and what the provider says about their email. */
    record Person(String login, String email, boolean emailVerified, String preferredUsername, String name) {}

    static final Map<String, Person> PEOPLE = new LinkedHashMap<>();
    /** Whose ID token carries another login's nonce (a replayed or injected token). */
    static final String NONCE_MISMATCH = "nina";
    /** Whose ID token expired five minutes ago, beyond any clock skew allowance. */
    static final String EXPIRED_ID_TOKEN = "olaf";

    static {
        add(new Person("zoe", "zoe" + DOMAIN, true, "Zoë Newcomer", "Zoë Newcomer"));
        add(new Person("linda", "linda" + DOMAIN, true, "linda", "Linda Link"));
        add(new Person("mallory", "victim" + DOMAIN, false, "mallory", "Mallory"));
        add(new Person("drew", "drew" + DOMAIN, false, "drew", "Drew Unverified"));
        add(new Person("carl", "carl" + DOMAIN, true, "carl", "Carl Closed"));
        add(new Person("walker", "walker" + DOMAIN, true, "walker", "Walker"));
        add(new Person("wendy", "wendy" + DOMAIN, true, "wendy", "Wendy Web"));
        add(new Person(NONCE_MISMATCH, "nina" + DOMAIN, true, "nina", "Nina"));
        add(new Person(EXPIRED_ID_TOKEN, "olaf" + DOMAIN, true, "olaf", "Olaf"));
    }

    private static void add(Person p) {
        PEOPLE.put(p.login(), p);
    }

    private static ConfigurableApplicationContext context;
    private static String issuer;

    private OidcTestProvider() {}

    /** The issuer URI, starting the provider on first call. */
    static synchronized String issuer() {
        if (context == null) {
            context = new SpringApplicationBuilder(ProviderApplication.class).run(
                    "--server.port=0",
                    // not Tonearm's application.yaml: this context is not Tonearm
                    "--spring.config.name=oidc-test-provider",
                    "--spring.main.banner-mode=off",
                    "--spring.jmx.enabled=false",
                    "--spring.autoconfigure.exclude="
                            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                            + "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration,"
                            + "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration");
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
            issuer = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        }
        return issuer;
    }

    static Person person(String login) {
        return PEOPLE.get(login);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ProviderApplication {

        /**
         * Redirect URIs on a loopback IP may use any port (RFC 8252 §7.3, which Spring Authorization Server follows), so
         * this one matches Tonearm's callback on whichever port the test server got.
         */
        @Bean
        RegisteredClientRepository registeredClients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1/api/v1/auth/oidc/sas/callback")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(PEOPLE.values().stream()
                    .map(p -> User.withUsername(p.login()).password("{noop}" + PASSWORD).roles("USER").build())
                    .toList());
        }

        /** The email claims of each person in the ID token (Spring Authorization Server puts only sub and the like). */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Person p = PEOPLE.get(context.getPrincipal().getName());
                    context.getClaims().claim("email", p.email()).claim("email_verified", p.emailVerified())
                            .claim("preferred_username", p.preferredUsername()).claim("name", p.name());
                    if (p.login().equals(NONCE_MISMATCH)) {
                        context.getClaims().claim("nonce", "a-nonce-of-another-login");
                    }
                    if (p.login().equals(EXPIRED_ID_TOKEN)) {
                        Instant now = Instant.now();
                        context.getClaims().issuedAt(now.minus(Duration.ofMinutes(10)))
                                .expiresAt(now.minus(Duration.ofMinutes(5)));
                    }
                }
            };
        }
    }
}
