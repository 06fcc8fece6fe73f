package org.tonearm.identity.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OidcUsernamesTests {

    private static OidcIdentity identity(String preferredUsername, String email, String name) {
        return new OidcIdentity("p", "sub", email, true, preferredUsername, name);
    }

    @Test
    void preferredUsernameIsCleanedToTheAllowedCharacters() {
        assertThat(OidcUsernames.base(identity("Zoë Newcomer", null, null))).isEqualTo("zoe-newcomer");
        assertThat(OidcUsernames.base(identity("  --J.Doe_42!!  ", null, null))).isEqualTo("j.doe_42");
        assertThat(AccountRules.checkUsername(OidcUsernames.base(identity("Ünïcödé Ñame", null, null)))).isEmpty();
    }

    @Test
    void fallsBackToTheEmailLocalPartThenTheNameThenUser() {
        assertThat(OidcUsernames.base(identity(null, "Jane.Doe@example.org", "Jane"))).isEqualTo("jane.doe");
        assertThat(OidcUsernames.base(identity("x", null, "Jane Doe"))).isEqualTo("jane-doe");
        // nothing usable: a one-letter or non-Latin name leaves fewer than 2 allowed characters
        assertThat(OidcUsernames.base(identity("山田", null, "!"))).isEqualTo("user");
    }

    @Test
    void longNamesAreCutToFortyCharacters() {
        String base = OidcUsernames.base(identity("a".repeat(39) + "-bbbb", null, null));
        assertThat(base).isEqualTo("a".repeat(39));
        assertThat(OidcUsernames.base(identity("c".repeat(60), null, null))).hasSize(AccountRules.USERNAME_MAX);
    }

    @Test
    void takenNamesGetTheFirstFreeNumber() {
        Set<String> taken = Set.of("jane", "jane-2");
        assertThat(OidcUsernames.unique(identity("jane", null, null), taken::contains)).isEqualTo("jane-3");
        assertThat(OidcUsernames.unique(identity("joe", null, null), taken::contains)).isEqualTo("joe");
        // the suffix still fits in 40 characters
        String forty = "d".repeat(40);
        String unique = OidcUsernames.unique(identity(forty, null, null), Set.of(forty)::contains);
        assertThat(unique).isEqualTo("d".repeat(38) + "-2");
    }
}
