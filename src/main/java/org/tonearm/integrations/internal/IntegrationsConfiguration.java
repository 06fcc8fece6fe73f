package org.tonearm.integrations.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tonearm.integrations.internal.http.ResilientHttpClient;

/** Wires the one outbound client; it serves both API interfaces ({@code ExternalHttp}, {@code ExternalServices}). */
@Configuration(proxyBeanMethods = false)
class IntegrationsConfiguration {

    @Bean
    ResilientHttpClient resilientHttpClient(IntegrationsProperties properties, ObjectProvider<MeterRegistry> meters) {
        ResilientHttpClient client = new ResilientHttpClient(properties, version(), Clock.systemUTC());
        meters.ifAvailable(client::bindMetrics);
        return client;
    }

    /** From the jar's manifest (Implementation-Version, written by spring-boot-starter-parent); "dev" from an IDE. */
    private static String version() {
        String v = IntegrationsConfiguration.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
