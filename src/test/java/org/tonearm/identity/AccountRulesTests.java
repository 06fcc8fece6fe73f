package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.tonearm.identity.internal.account.AccountRules;
import org.tonearm.shared.TonearmException.FieldError;

class AccountRulesTests {

    @Test
    void usernameMustBeTwoToFortyCharacters() {
        assertThat(AccountRules.checkUsername("a")).extracting(FieldError::field).containsExactly("username");
        assertThat(AccountRules.checkUsername("ab")).isEmpty();
        assertThat(AccountRules.checkUsername("a".repeat(40))).isEmpty();
        assertThat(AccountRules.checkUsername("a".repeat(41))).extracting(FieldError::field).containsExactly("username");
    }

    @Test
    void usernameAllowsOnlyLettersDigitsUnderscoreDotAndDash() {
        assertThat(AccountRules.checkUsername("a.b_c-9")).isEmpty();
        assertThat(AccountRules.checkUsername("a b")).isNotEmpty();
        assertThat(AccountRules.checkUsername("al@ce")).isNotEmpty();
        assertThat(AccountRules.checkUsername("jürgen")).isNotEmpty();
        assertThat(AccountRules.checkUsername(null)).isNotEmpty();
    }

    @Test
    void usernameIsCaseInsensitive() {
        assertThat(AccountRules.checkUsername("Alice")).isEmpty();
        assertThat(AccountRules.normalizeUsername("Alice")).isEqualTo(AccountRules.normalizeUsername("aLICE"));
    }

    @Test
    void passwordMustBeEightToHundredTwentyEightCharacters() {
        assertThat(AccountRules.checkPassword("a".repeat(7), "bob", null)).extracting(FieldError::field).containsExactly("password");
        assertThat(AccountRules.checkPassword("a".repeat(8), "bob", null)).isEmpty();
        assertThat(AccountRules.checkPassword("a".repeat(128), "bob", null)).isEmpty();
        assertThat(AccountRules.checkPassword("a".repeat(129), "bob", null)).extracting(FieldError::field).containsExactly("password");
    }

    @Test
    void passwordLengthCountsCharactersNotUtf16Units() {
        String eightEmoji = "🎵".repeat(8); // 16 UTF-16 units, 8 characters
        assertThat(AccountRules.checkPassword(eightEmoji, "bob", null)).isEmpty();
        assertThat(AccountRules.checkPassword("🎵".repeat(7), "bob", null)).isNotEmpty();
        assertThat(AccountRules.checkPassword("🎵".repeat(128), "bob", null)).isEmpty();
    }

    @Test
    void passwordMustNotEqualUsernameOrEmailIgnoringCase() {
        assertThat(AccountRules.checkPassword("LongUserName", "longusername", null)).extracting(FieldError::message)
                .containsExactly("must not be the username");
        assertThat(AccountRules.checkPassword("Me@Example.org", "bob", "me@example.org")).extracting(FieldError::message)
                .containsExactly("must not be the email address");
        assertThat(AccountRules.checkPassword("longusername1", "longusername", "me@example.org")).isEmpty();
    }

    @Test
    void emailIsOptionalButMustLookLikeAnAddress() {
        assertThat(AccountRules.checkEmail(null)).isEmpty();
        assertThat(AccountRules.checkEmail("me@example.org")).isEmpty();
        assertThat(AccountRules.checkEmail("me@example")).isNotEmpty();
        assertThat(AccountRules.checkEmail("me example@x.org")).isNotEmpty();
        assertThat(AccountRules.checkEmail("a@b@c.org")).isNotEmpty();
        assertThat(AccountRules.normalizeEmail("  Me@Example.ORG ")).isEqualTo("me@example.org");
    }

    @Property
    void everyValidUsernameIsStoredInLowerCase(@ForAll("usernames") String name) {
        assertThat(AccountRules.checkUsername(name)).isEmpty();
        assertThat(AccountRules.normalizeUsername(name)).matches("[a-z0-9_.-]{2,40}");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> usernames() {
        return net.jqwik.api.Arbitraries.strings().withChars("abcXYZ019_.-").ofMinLength(2).ofMaxLength(40);
    }

    @Property
    void passwordsOfAllowedLengthPassUnlessTheyAreTheUsername(@ForAll @StringLength(min = 8, max = 128) String password) {
        boolean isUsername = password.equalsIgnoreCase("someone-else-entirely");
        int codePoints = password.codePointCount(0, password.length());
        assertThat(AccountRules.checkPassword(password, "someone-else-entirely", null).isEmpty())
                .isEqualTo(!isUsername && codePoints >= 8 && codePoints <= 128);
    }
}
