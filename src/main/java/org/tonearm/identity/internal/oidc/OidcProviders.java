package org.tonearm.identity.internal.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tonearm.identity.internal.config.OidcProperties;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * The configured OpenID Connect providers. Discovery happens on first use, not at start-up, so Tonearm starts (and
 * password login works) while a provider is down; a failed discovery is not remembered and is tried again by the
 * next login.
 */
@Component
class OidcProviders {

    /** Every call to a provider is bounded: a hanging provider must not hold login requests for ever. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int JWKS_SIZE_LIMIT = 512 * 1024;
    private static final Logger log = LoggerFactory.getLogger(OidcProviders.class);

    private final Map<String, OidcProperties.Provider> configured;
    private final Map<String, OidcProvider> discovered = new ConcurrentHashMap<>();

    OidcProviders(OidcProperties properties) {
        this.configured = properties.providers();
    }

    /** The configured providers by id, in id order. */
    Map<String, OidcProperties.Provider> configured() {
        return configured;
    }

    /** The provider {@code id}, discovered: 404 when not configured, 502 when its discovery document is unreachable. */
    OidcProvider get(String id) {
        OidcProperties.Provider settings = Optional.ofNullable(configured.get(id))
                .orElseThrow(() -> TonearmException.notFound("OpenID Connect provider '" + id + "'"));
        OidcProvider provider = discovered.get(id);
        if (provider == null) {
            provider = discover(id, settings);
            discovered.putIfAbsent(id, provider);
        }
        return provider;
    }

    private static OidcProvider discover(String id, OidcProperties.Provider settings) {
        OIDCProviderMetadata metadata;
        try {
            // also checks that the document names the configured issuer (OIDC Discovery §4.3)
            metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuerUri()), (int) CONNECT_TIMEOUT.toMillis(),
                    (int) READ_TIMEOUT.toMillis());
        } catch (IOException | GeneralException | RuntimeException e) {
            log.warn("OpenID Connect discovery of provider {} at {} failed: {}", id, settings.issuerUri(), e.toString());
            throw unreachable(id);
        }
        if (metadata.getJWKSetURI() == null || metadata.getTokenEndpointURI() == null) {
            log.warn("OpenID Connect provider {} announces no jwks_uri or token_endpoint", id);
            throw unreachable(id);
        }
        ClientID clientId = new ClientID(settings.clientId());
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever((int) CONNECT_TIMEOUT.toMillis(), (int) READ_TIMEOUT.toMillis(),
                            JWKS_SIZE_LIMIT)).build();
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), clientId,
                    new JWSVerificationKeySelector<>(signatureAlgorithms(metadata), keys), null);
            String secret = settings.clientSecret() == null || settings.clientSecret().isBlank() ? null : settings.clientSecret();
            return new OidcProvider(id, clientId, secret, scope(settings.scopes()), metadata, validator);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("OpenID Connect provider {} has an unusable jwks_uri: {}", id, e.toString());
            throw unreachable(id);
        }
    }

    /**
     * The ID token algorithms the provider announces, asymmetric ones only: an HS256 ID token would be keyed with
     * the client secret, which Tonearm does not use for that, and {@code none} is never acceptable. OIDC Discovery
     * makes RS256 mandatory, so it is the fallback.
     */
    static Set<JWSAlgorithm> signatureAlgorithms(OIDCProviderMetadata metadata) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        if (metadata.getIDTokenJWSAlgs() != null) {
            metadata.getIDTokenJWSAlgs().stream().filter(JWSAlgorithm.Family.SIGNATURE::contains).forEach(algorithms::add);
        }
        if (algorithms.isEmpty()) {
            algorithms.add(JWSAlgorithm.RS256);
        }
        return algorithms;
    }

    private static Scope scope(List<String> scopes) {
        Scope scope = new Scope(OIDCScopeValue.OPENID);
        scopes.forEach(scope::add);
        return scope;
    }

    static TonearmException unreachable(String id) {
        return new TonearmException(ErrorCode.EXTERNAL_SERVICE_ERROR,
                "The identity provider '" + id + "' cannot be reached right now; try again later");
    }
}
