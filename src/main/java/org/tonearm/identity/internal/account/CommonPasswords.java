package org.tonearm.identity.internal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled list of common passwords (docs/api.md#accounts-and-authentication; NIST SP 800-63B §5.1.1.2): 30,000 entries from zxcvbn, see
 * {@code resources/identity/README.md}. Loaded once, on first use, into a hash set (about 2 MB).
 */
public final class CommonPasswords {

    static final String RESOURCE = "/identity/common-passwords.txt";

    private CommonPasswords() {}

    /** Case-insensitive: "Password1" is as guessable as "password1". */
    public static boolean contains(String password) {
        return Holder.LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    public static int size() {
        return Holder.LIST.size();
    }

    private static final class Holder {
        static final Set<String> LIST = load();

        private static Set<String> load() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                Set<String> set = new HashSet<>(40_000);
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::strip).filter(l -> !l.isEmpty())
                        .forEach(l -> set.add(l.toLowerCase(Locale.ROOT)));
                return Set.copyOf(set);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
