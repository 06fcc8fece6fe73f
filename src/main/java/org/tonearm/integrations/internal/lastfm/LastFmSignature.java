package org.tonearm.integrations.internal.lastfm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Last.fm's {@code api_sig} (https://www.last.fm/api/authspec §8): every parameter except {@code format} and
 * {@code callback}, sorted by name, concatenated as name + value, followed by the shared secret, UTF-8, md5 in hex.
 */
final class LastFmSignature {

    private LastFmSignature() {}

    static String sign(Map<String, String> params, String secret) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("format") && !name.equals("callback")) {
                text.append(name).append(value);
            }
        });
        text.append(secret);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
