package org.tonearm.ops.internal.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up line's two forms; the empty-instance form is also checked on a real start (ReadmeFirstStepsIntegrationTests). */
class ReadyAnnouncementTests {

    @Test
    void anInstanceWithAccountsOnlySaysWhereItIsReady() {
        assertThat(ReadyAnnouncement.message("http://localhost:3000", true)).isEqualTo("Tonearm is ready on http://localhost:3000");
    }

    @Test
    void anEmptyInstanceSaysHowToCreateTheFirstAccount() {
        assertThat(ReadyAnnouncement.message("http://localhost:3000", false))
                .startsWith("Tonearm is ready on http://localhost:3000 — no account yet")
                .contains("open http://localhost:3000/ in a browser")
                .contains("curl -X POST http://localhost:3000/api/v1/auth/register")
                .contains("it becomes the admin");
    }
}
