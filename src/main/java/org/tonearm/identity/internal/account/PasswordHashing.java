package org.tonearm.identity.internal.account;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing (docs/api.md#accounts-and-authentication): bcrypt cost 12 behind a {@link DelegatingPasswordEncoder}, so a stored hash names
 * its scheme ({@code {bcrypt}$2a$12$...}) and the default can move on without invalidating old hashes
 * ({@link #needsRehash} tells the login to re-hash).
 *
 * <p>bcrypt reads at most 72 bytes of a password; Spring Security refuses longer input instead of truncating,
 * but docs/api.md#accounts-and-authentication allows 128 characters. We therefore hash the longest prefix of whole characters that fits in
 * 72 UTF-8 bytes — exactly the truncation classic bcrypt (OpenBSD) performs, so the hashes stay standard.
 */
@Component
public class PasswordHashing {

    static final String DEFAULT_ID = "bcrypt";
    static final int BCRYPT_COST = 12;
    static final int BCRYPT_MAX_BYTES = 72;

    private final PasswordEncoder encoder;
    /** A real hash of a random password: unknown users are checked against it so timing does not reveal them. */
    private final String dummyHash;

    public PasswordHashing() {
        this.encoder = new DelegatingPasswordEncoder(DEFAULT_ID, Map.of(DEFAULT_ID, new BCryptPasswordEncoder(BCRYPT_COST)));
        this.dummyHash = encode(UUID.randomUUID().toString());
    }

    public String encode(String password) {
        return encoder.encode(fitBcrypt(password));
    }

    public boolean matches(String password, String storedHash) {
        if (storedHash == null) {
            encoder.matches(fitBcrypt(password), dummyHash);
            return false;
        }
        return encoder.matches(fitBcrypt(password), storedHash);
    }

    /** Spends the same time as a real check, for accounts that do not exist or cannot log in. */
    public void dummyCheck(String password) {
        encoder.matches(fitBcrypt(password), dummyHash);
    }

    public boolean needsRehash(String storedHash) {
        return storedHash != null && encoder.upgradeEncoding(storedHash);
    }

    static String fitBcrypt(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES) {
            return password;
        }
        int bytes = 0;
        int end = 0;
        while (end < password.length()) {
            int cp = password.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > BCRYPT_MAX_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return password.substring(0, end);
    }
}
