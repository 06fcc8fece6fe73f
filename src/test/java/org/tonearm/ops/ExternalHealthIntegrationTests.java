package org.tonearm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.internal.http.ResilientHttpClient;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * {@code /health/external} (docs/api.md#health, docs/operations.md#external-services) as an operator sees it. The
 * breaker is driven through its states directly here, because this shared context points at the real services;
 * that real failures and the wait drive those states is ResilientHttpClientTests' part, against WireMock fakes.
 */
class ExternalHealthIntegrationTests extends IntegrationTestBase {

    @Autowired
    ResilientHttpClient client;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void closeAgain() {
        client.circuitBreaker(ExternalService.LASTFM).transitionToClosedState();
    }

    @Test
    void anOpenBreakerShowsItsServiceDownWithSinceWhenWithoutTakingHealthDown() {
        CircuitBreaker lastfm = client.circuitBreaker(ExternalService.LASTFM);
        Instant before = Instant.now();
        lastfm.transitionToOpenState();

        Api.Response external = api().get("/health/external");

        assertThat(external.status()).isEqualTo(503);
        JsonNode service = external.json().path("components").path("lastfm");
        assertThat(service.path("status").asString()).isEqualTo("DOWN");
        assertThat(service.path("details").path("state").asString()).isEqualTo("OPEN");
        Instant since = Instant.parse(service.path("details").path("since").asString());
        assertThat(since).isBetween(before, Instant.now());
        assertThat(Instant.parse(service.path("details").path("trial_after").asString()))
                .isEqualTo(since.plusSeconds(30)); // the default wait before the one trial call
        assertThat(external.json().path("components").path("spotify").path("status").asString()).isEqualTo("UP");
        assertThat(external.json().path("components").path("musicbrainz").path("details").path("state").asString())
                .isEqualTo("CLOSED");

        Api.Response health = api().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("external").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("external").path("details").path("degraded").toString())
                .isEqualTo("[\"lastfm\"]");
        assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", "lastfm", "state", "open").gauge()
                .value()).isEqualTo(1);
    }

    @Test
    void aBreakerThatClosesAgainShowsItsServiceUp() {
        CircuitBreaker lastfm = client.circuitBreaker(ExternalService.LASTFM);
        lastfm.transitionToOpenState();
        lastfm.transitionToHalfOpenState();
        assertThat(api().get("/health/external").json().path("components").path("lastfm").path("details")
                .path("state").asString()).isEqualTo("HALF_OPEN");

        lastfm.transitionToClosedState();

        Api.Response external = api().get("/health/external");
        assertThat(external.status()).isEqualTo(200);
        assertThat(external.json().path("status").asString()).isEqualTo("UP");
        JsonNode service = external.json().path("components").path("lastfm");
        assertThat(service.path("status").asString()).isEqualTo("UP");
        assertThat(service.path("details").path("state").asString()).isEqualTo("CLOSED");
        assertThat(service.path("details").has("trial_after")).isFalse();
        assertThat(api().get("/health").json().path("components").path("external").path("details").path("degraded")
                .size()).isZero();
    }
}
