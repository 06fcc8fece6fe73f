package org.tonearm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/** docs/api.md#health health endpoints, called without credentials as a load balancer would, on both databases. */
class HealthIntegrationTests extends IntegrationTestBase {

    @Test
    void healthIsUpWithTheDatabaseNamedAndItsRoundTripMeasured() {
        Api.Response r = api().get("/health");

        assertThat(r.status()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.path("status").asString()).isEqualTo("UP");
        JsonNode db = json.path("components").path("db");
        assertThat(db.path("status").asString()).isEqualTo("UP");
        assertThat(db.path("details").path("database").asString()).isEqualTo(TestDatabase.name());
        assertRoundTripIsAPlausibleDuration(db.path("details").path("round_trip_ms"));
        assertThat(json.path("components").path("migrations").path("status").asString()).isEqualTo("UP");
        assertThat(json.path("components").path("liveness").path("status").asString()).isEqualTo("UP");
        assertThat(json.path("components").path("readiness").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void liveIsUpWhileTheApplicationRuns() {
        Api.Response r = api().get("/health/live");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
        assertThat(r.json().path("components").path("liveness").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readyIsUpOnceTheDatabaseAnswersAndLiquibaseHasRun() {
        Api.Response r = api().get("/health/ready");

        assertThat(r.status()).isEqualTo(200);
        JsonNode components = r.json().path("components");
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("migrations").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("migrations").path("details").path("changesets").asInt()).isPositive();
    }

    @Test
    void dbReportsTheRoundTripOfSelectOneInMillisecondsWithThreeDecimals() {
        Api.Response r = api().get("/health/db");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
        assertThat(r.json().path("details").path("database").asString()).isEqualTo(TestDatabase.name());
        assertRoundTripIsAPlausibleDuration(r.json().path("details").path("round_trip_ms"));
        // a JSON number with exactly three decimals, e.g. "round_trip_ms":0.412
        assertThat(r.body()).containsPattern("\"round_trip_ms\":\\d+\\.\\d{3}[,}]");
    }

    @Test
    void healthAnswersAreNeverCached() {
        Api.Response r = api().get("/health");

        assertThat(r.header("Cache-Control")).contains("no-store");
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    private static void assertRoundTripIsAPlausibleDuration(JsonNode roundTrip) {
        assertThat(roundTrip.isNumber()).as("round_trip_ms is a JSON number: %s", roundTrip).isTrue();
        assertThat(roundTrip.asDouble()).isGreaterThan(0.0).isLessThan(5_000.0);
    }
}
