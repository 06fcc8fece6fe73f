package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.listens.ListenFixtures.all;
import static org.tonearm.listens.ListenFixtures.create;
import static org.tonearm.listens.ListenFixtures.listen;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** docs/api.md#accounts-and-authentication: every user sees and changes only their own listens; another user's id answers 404. */
class ListensIsolationIntegrationTests extends IntegrationTestBase {

    private Api alice;
    private Api bob;
    private long alicesListen;
    private JsonNode before;

    @BeforeEach
    void twoUsers() {
        alice = api().newUser().api();
        bob = api().newUser().api();
        alicesListen = create(alice, listen("Nils Frahm", "Says", 0));
        before = alice.get("/api/v1/listens/" + alicesListen).json();
    }

    private static void assertNotFound(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.json().path("code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
    }

    @Test
    void anotherUserCannotSeeTheListen() {
        assertNotFound(bob.get("/api/v1/listens/" + alicesListen));
        assertThat(all(bob)).isEmpty();
    }

    @Test
    void anotherUserCannotCorrectTheListen() {
        assertNotFound(bob.patch("/api/v1/listens/" + alicesListen, Map.of("track", "Hijacked")));
        assertThat(alice.get("/api/v1/listens/" + alicesListen).json()).isEqualTo(before);
    }

    @Test
    void anotherUserCannotDeleteTheListen() {
        assertNotFound(bob.delete("/api/v1/listens/" + alicesListen));
        assertThat(alice.get("/api/v1/listens/" + alicesListen).json()).isEqualTo(before);
    }

    @Test
    void anotherUsersRangeDeleteLeavesTheListen() {
        Api.Response r = bob.delete("/api/v1/listens?from=0&to=4102444800");
        assertThat(r.json().path("deleted").asInt()).isZero();
        assertThat(all(alice)).hasSize(1);
    }

    @Test
    void theSamePlayByTwoUsersIsTwoListens() {
        Api.Response r = bob.post("/api/v1/listens", listen("Nils Frahm", "Says", 0));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("status").asString()).isEqualTo("created");
        assertThat(r.json().path("listen").path("id").asLong()).isNotEqualTo(alicesListen);
        assertThat(all(alice)).hasSize(1);
    }
}
