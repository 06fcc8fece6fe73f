package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;

/**
 * {@code tonearm.registration=closed}: only the first account of an empty instance may sign up. The database is
 * shared by every test class of this JVM, so the test makes sure an account exists and then checks that the
 * next sign-up is refused.
 */
@TestPropertySource(properties = "tonearm.registration=closed")
class ClosedRegistrationIntegrationTests extends IntegrationTestBase {

    @Test
    void signUpIsRefusedOnceTheInstanceHasAnAccount() {
        // either it is the instance's first account (allowed even when closed) or the instance already has one
        Api.Response first = api().post("/api/v1/auth/register",
                Map.of("username", RegistrationIntegrationTests.uniqueName(), "password", "a fine password"));
        assertThat(first.status()).isIn(201, 403);

        Api.Response refused = api().post("/api/v1/auth/register",
                Map.of("username", RegistrationIntegrationTests.uniqueName(), "password", "a fine password"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asString()).isEqualTo("PERMISSION_DENIED");
        assertThat(refused.json().path("detail").asString()).contains("closed");
    }
}
