package org.tonearm.identity.internal.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OpenID Connect login (docs/api.md#accounts-and-authentication): {@code tonearm.oidc.providers.<id>.*}, e.g.
 * {@code TONEARM_OIDC_PROVIDERS_AUTHENTIK_ISSUER_URI}. The id names the provider in Tonearm's URLs
 * ({@code /api/v1/auth/oidc/<id>/...}) and in the stored account links, so it must not change once used.
 *
 * @param providers the configured providers by id (lower-case letters, digits, '-')
 * @param stateTtl  how long a started login may take (docs/api.md#accounts-and-authentication: the {@code state} is valid 10 minutes)
 * @param callbackBaseUrl the external address of Tonearm as the browser sees it (e.g. {@code https://music.example.org}),
 *                  from which the callback URL registered at the provider is made; blank: taken from each request
 *                  (behind a reverse proxy, from its {@code X-Forwarded-*} headers)
 */
@ConfigurationProperties("tonearm.oidc")
public record OidcProperties(Map<String, Provider> providers, Duration stateTtl, String callbackBaseUrl) {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public OidcProperties {
        providers = providers == null ? Map.of() : new TreeMap<>(providers);
        providers.forEach((id, provider) -> provider.check(id));
        if (stateTtl == null) {
            stateTtl = Duration.ofMinutes(10);
        }
        callbackBaseUrl = callbackBaseUrl == null || callbackBaseUrl.isBlank() ? null
                : callbackBaseUrl.strip().replaceAll("/+$", "");
    }

    /**
     * One provider.
     *
     * @param issuerUri    the issuer, whose {@code /.well-known/openid-configuration} is read on first use
     * @param clientId     the client id Tonearm is registered under at the provider
     * @param clientSecret its secret (sent with HTTP Basic, {@code client_secret_basic}); never logged
     * @param scopes       requested scopes; default {@code openid email profile} ({@code openid} is always added)
     * @param displayName  the name shown on a login button; default: the id
     */
    public record Provider(String issuerUri, String clientId, String clientSecret, List<String> scopes,
            String displayName) {

        public Provider {
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "email", "profile") : List.copyOf(scopes);
        }

        void check(String id) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("tonearm.oidc.providers." + id
                        + ": a provider id is 1-63 of lower-case letters, digits and '-', starting with a letter or digit");
            }
            if (issuerUri == null || issuerUri.isBlank() || clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("tonearm.oidc.providers." + id + " needs issuer-uri and client-id");
            }
        }

        public String displayNameOr(String id) {
            return displayName == null || displayName.isBlank() ? id : displayName;
        }

        @Override
        public String toString() {
            // the record's generated toString would print the client secret into any log line that shows the settings
            return "Provider[issuerUri=" + issuerUri + ", clientId=" + clientId + ", scopes=" + scopes + "]";
        }
    }
}
