package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.identity.internal.account.AccountRules;
import org.tonearm.identity.internal.account.CommonPasswords;
import org.tonearm.shared.TonearmException.FieldError;

class CommonPasswordsTests {

    @Test
    void bundledListHasAtLeastTenThousandEntries() {
        assertThat(CommonPasswords.size()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(AccountRules.checkPassword("password1", "bob", null)).extracting(FieldError::message)
                .anySatisfy(m -> assertThat(m).contains("too common"));
        assertThat(AccountRules.checkPassword("PassWord1", "bob", null)).isNotEmpty();
        assertThat(AccountRules.checkPassword("12345678", "bob", null)).isNotEmpty();
        assertThat(AccountRules.checkPassword("iloveyou", "bob", null)).isNotEmpty();
    }

    @Test
    void anUncommonPassphraseIsAccepted() {
        assertThat(AccountRules.checkPassword("turntable tonearm 1979", "bob", null)).isEmpty();
    }

    @Test
    void passwordEqualToTheEmailIsRefused() {
        assertThat(AccountRules.checkPassword("Bob@Example.org", "bob", "bob@example.org")).extracting(FieldError::message)
                .contains("must not be the email address");
    }
}
