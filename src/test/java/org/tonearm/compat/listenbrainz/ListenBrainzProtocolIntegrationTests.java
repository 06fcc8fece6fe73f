package org.tonearm.compat.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;

/** validate-token, unknown routes and methods, rate-limit headers and 429, in ListenBrainz's terms. */
class ListenBrainzProtocolIntegrationTests extends IntegrationTestBase {

    @Test
    void validateTokenReadsTheHeaderOrTheQueryParameter() {
        ListenBrainzClient c = ListenBrainzClient.create(api());

        Api.Response byHeader = c.lb().get("/1/validate-token");
        Api.Response byQuery = api().get(ListenBrainzClient.BASE + "/validate-token?token=" + c.token());

        for (Api.Response r : new Api.Response[] {byHeader, byQuery}) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("code").asInt()).isEqualTo(200);
            assertThat(r.json().path("message").asString()).isEqualTo("Token valid.");
            assertThat(r.json().path("valid").asBoolean()).isTrue();
            assertThat(r.json().path("user_name").asString()).isEqualTo(c.name());
        }
    }

    @Test
    void anInvalidTokenIsAValidAnswerAndAMissingOneA400() {
        Api.Response invalid = api().get("/1/validate-token?token=nope");
        Api.Response missing = api().get("/1/validate-token");

        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.json().path("valid").asBoolean()).isFalse();
        assertThat(invalid.json().path("message").asString()).isEqualTo("Token invalid.");
        assertThat(invalid.json().has("user_name")).isFalse();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").asString()).isEqualTo("You need to provide an Authorization token.");
    }

    @Test
    void unknownPathsAre404AndWrongMethods405InListenBrainzFormat() {
        Api.Response unknown = api().get("/apis/listenbrainz/1/no-such-endpoint");
        Api.Response wrongMethod = api().get("/1/submit-listens");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asInt()).isEqualTo(404);
        assertThat(unknown.json().path("error").asString()).isEqualTo(ListenBrainzRoutes.NOT_FOUND);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("error").asString()).isEqualTo(ListenBrainzRoutes.METHOD_NOT_ALLOWED);
        assertThat(wrongMethod.header("Allow")).contains("POST");
    }

    @Test
    void everyAnswerCarriesTheRateLimitHeadersAndRemainingCountsDown() {
        ListenBrainzClient c = ListenBrainzClient.create(api());

        Api.Response first = c.lb().get("/1/validate-token");
        Api.Response second = c.lb().get("/1/validate-token");

        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("200");
        long reset = Long.parseLong(first.header("X-RateLimit-Reset"));
        long resetIn = Long.parseLong(first.header("X-RateLimit-Reset-In"));
        assertThat(resetIn).isBetween(1L, 10L);
        assertThat(reset - System.currentTimeMillis() / 1000).isBetween(resetIn - 2, resetIn + 1);
        int remaining = Integer.parseInt(first.header("X-RateLimit-Remaining"));
        int after = Integer.parseInt(second.header("X-RateLimit-Remaining"));
        // a new window may start between the two requests
        assertThat(after == remaining - 1 || after == 199).isTrue();
    }

    @Test
    void overTheLimitTheAnswerIs429WithListenBrainzsMessage() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        Api.Response last = null;
        // 200 per 10 s window: within two windows at most 400 requests pass
        for (int i = 0; i < 401 && (last == null || last.status() != 429); i++) {
            last = c.lb().get("/1/validate-token");
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().path("code").asInt()).isEqualTo(429);
        assertThat(last.json().path("error").asString()).isEqualTo(ListenBrainzRateLimitInterceptor.OVER_LIMIT);
        assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
    }
}
