package org.tonearm.identity.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variable names documented for OpenID Connect providers reach the settings. */
class OidcPropertiesTests {

    private static OidcProperties bind(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(env);
        return Binder.get(env).bindOrCreate("tonearm.oidc", OidcProperties.class);
    }

    @Test
    void providersBindFromEnvironmentVariables() {
        OidcProperties p = bind(Map.of(
                "TONEARM_OIDC_PROVIDERS_AUTHENTIK_ISSUER_URI", "https://auth.example.org/application/o/tonearm/",
                "TONEARM_OIDC_PROVIDERS_AUTHENTIK_CLIENT_ID", "tonearm",
                "TONEARM_OIDC_PROVIDERS_AUTHENTIK_CLIENT_SECRET", "secret",
                "TONEARM_OIDC_PROVIDERS_AUTHENTIK_DISPLAY_NAME", "Authentik",
                "TONEARM_OIDC_PROVIDERS_AUTHENTIK_SCOPES", "openid,email",
                "TONEARM_OIDC_CALLBACK_BASE_URL", "https://music.example.org/"));

        OidcProperties.Provider authentik = p.providers().get("authentik");
        assertThat(authentik.issuerUri()).isEqualTo("https://auth.example.org/application/o/tonearm/");
        assertThat(authentik.clientId()).isEqualTo("tonearm");
        assertThat(authentik.clientSecret()).isEqualTo("secret");
        assertThat(authentik.displayNameOr("authentik")).isEqualTo("Authentik");
        assertThat(authentik.scopes()).containsExactly("openid", "email");
        assertThat(p.callbackBaseUrl()).isEqualTo("https://music.example.org");
        assertThat(authentik.toString()).doesNotContain("secret");
    }

    @Test
    void defaultsAreTenMinutesAndOpenidEmailProfile() {
        OidcProperties p = bind(Map.of("TONEARM_OIDC_PROVIDERS_KC_ISSUER_URI", "https://kc.example.org/realms/x",
                "TONEARM_OIDC_PROVIDERS_KC_CLIENT_ID", "tonearm"));

        assertThat(p.stateTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.providers().get("kc").scopes()).isEqualTo(List.of("openid", "email", "profile"));
        assertThat(p.providers().get("kc").displayNameOr("kc")).isEqualTo("kc");
        assertThat(bind(Map.of()).providers()).isEmpty();
    }

    @Test
    void aProviderWithoutIssuerFailsAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("TONEARM_OIDC_PROVIDERS_KC_CLIENT_ID", "tonearm")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("needs issuer-uri and client-id");
    }
}
