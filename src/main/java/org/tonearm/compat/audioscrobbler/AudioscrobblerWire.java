package org.tonearm.compat.audioscrobbler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire records of the Audioscrobbler Realtime Submission Protocol v1.2 / 1.2.1
 * (http://www.audioscrobbler.net/development/protocol/), fields named exactly like its parameters.
 */
final class AudioscrobblerWire {

    private AudioscrobblerWire() {}

    /** {@code ?hs=true&p=1.2&c=<client-id>&v=<client-ver>&u=<user>&t=<timestamp>&a=<auth>} (+ 1.2.1 api_key, sk). */
    record Handshake(String hs, String p, String c, String v, String u, String t, String a, String api_key, String sk) {
        static Handshake of(Map<String, String> q) {
            return new Handshake(q.get("hs"), q.get("p"), q.get("c"), q.get("v"), q.get("u"), q.get("t"), q.get("a"),
                    q.get("api_key"), q.get("sk"));
        }
    }

    /** Now-playing: {@code s} session, {@code a} artist, {@code t} title, {@code b} album, {@code l} length (s),
     * {@code n} track number, {@code m} MusicBrainz track id. */
    record NowPlaying(String s, String a, String t, String b, String l, String n, String m) {
        static NowPlaying of(Map<String, String> q) {
            return new NowPlaying(q.get("s"), q.get("a"), q.get("t"), blankToNull(q.get("b")), blankToNull(q.get("l")),
                    blankToNull(q.get("n")), blankToNull(q.get("m")));
        }
    }

    /** One submitted track {@code [index]}: {@code i} start time (UNIX, UTC), {@code o} source, {@code r} rating. */
    record Submission(int index, String a, String t, String i, String o, String r, String l, String b, String n,
            String m) {

        Map<String, String> asParams() {
            Map<String, String> p = new LinkedHashMap<>();
            put(p, "a", a);
            put(p, "t", t);
            put(p, "i", i);
            put(p, "o", o);
            put(p, "r", r);
            put(p, "l", l);
            put(p, "b", b);
            put(p, "n", n);
            put(p, "m", m);
            return p;
        }

        private static void put(Map<String, String> p, String k, String v) {
            if (v != null) {
                p.put(k, v);
            }
        }
    }

    private static final Pattern INDEXED = Pattern.compile("[atiorlbnm]\\[(\\d{1,9})]");

    /** The submissions of a request in ascending index order. */
    static List<Submission> submissions(Map<String, String> q) {
        TreeSet<Integer> indices = new TreeSet<>();
        for (String name : q.keySet()) {
            Matcher m = INDEXED.matcher(name);
            if (m.matches()) {
                indices.add(Integer.parseInt(m.group(1)));
            }
        }
        List<Submission> out = new ArrayList<>();
        for (int i : indices) {
            String x = "[" + i + "]";
            out.add(new Submission(i, q.get("a" + x), q.get("t" + x), q.get("i" + x), blankToNull(q.get("o" + x)),
                    blankToNull(q.get("r" + x)), blankToNull(q.get("l" + x)), blankToNull(q.get("b" + x)),
                    blankToNull(q.get("n" + x)), blankToNull(q.get("m" + x))));
        }
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
