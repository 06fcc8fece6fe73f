package org.tonearm.compat.lastfm;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of one Last.fm call, from the query string (GET) or the form body (POST), first value of each
 * name. Parameter names are case sensitive (track.scrobble docs); the {@code method} value is not.
 */
record LastfmParams(Map<String, String> values) {

    static LastfmParams of(Map<String, String[]> raw) {
        Map<String, String> values = new TreeMap<>();
        raw.forEach((k, v) -> values.put(k, v.length == 0 ? "" : v[0]));
        return new LastfmParams(values);
    }

    String get(String name) {
        return values.get(name);
    }

    /** The value, or null when absent or blank. */
    String text(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    String require(String name) {
        String v = text(name);
        if (v == null) {
            throw LastfmException.missing(name);
        }
        return v;
    }

    String method() {
        String m = text("method");
        return m == null ? null : m.trim().toLowerCase(Locale.ROOT);
    }

    boolean json() {
        return "json".equalsIgnoreCase(values.get("format"));
    }
}
