package org.tonearm.compat.lastfm;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Last.fm's method signature (https://www.last.fm/api/authspec §8 "Signing Calls"): every parameter except
 * {@code format} and {@code callback} (and {@code api_sig} itself), sorted by name in ASCII order (so
 * {@code artist[10]} precedes {@code artist[1]}), written as name + value, the shared secret appended, MD5 in hex.
 */
final class LastfmSignature {

    static final Set<String> UNSIGNED = Set.of("format", "callback", "api_sig");

    private LastfmSignature() {}

    static String sign(Map<String, String> params, String secret) {
        StringBuilder base = new StringBuilder();
        // String's natural order is UTF-16 code unit order, which is ASCII order for ASCII names
        new TreeMap<>(params).forEach((name, value) -> {
            if (!UNSIGNED.contains(name)) {
                base.append(name).append(value == null ? "" : value);
            }
        });
        return LegacyDigests.md5Hex(base.append(secret).toString());
    }

    static boolean verify(Map<String, String> params, String secret) {
        return LegacyDigests.sameHex(sign(params, secret), params.get("api_sig"));
    }
}
