package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonearm.identity.internal.account.PasswordHashing;

class PasswordHashingTests {

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void storesBcryptCostTwelveUnderItsSchemeId() {
        String hash = hashing.encode("correct horse battery");
        assertThat(hash).startsWith("{bcrypt}$2a$12$");
        assertThat(hashing.matches("correct horse battery", hash)).isTrue();
        assertThat(hashing.matches("correct horse batterY", hash)).isFalse();
        assertThat(hashing.needsRehash(hash)).isFalse();
    }

    @Test
    void acceptsTheLongestAllowedPasswordEvenBeyondBcryptsSeventyTwoBytes() {
        String longest = "🎵".repeat(128); // 512 UTF-8 bytes
        String hash = hashing.encode(longest);
        assertThat(hashing.matches(longest, hash)).isTrue();
        assertThat(hashing.matches("🎶".repeat(128), hash)).isFalse();
    }

    @Test
    void asksForRehashOfWeakerOrForeignHashes() {
        String cost4 = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("pw-pw-pw-pw");
        assertThat(hashing.matches("pw-pw-pw-pw", cost4)).isTrue();
        assertThat(hashing.needsRehash(cost4)).isTrue();
    }

    @Test
    void anAccountWithoutPasswordNeverMatches() {
        assertThat(hashing.matches("anything-at-all", null)).isFalse();
    }
}
