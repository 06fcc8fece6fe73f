package org.tonearm.integrations.internal.musicbrainz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The conservative match rule for a search (docs/api.md#enrichment): a result counts only with MusicBrainz's search
 * score 100 and a name (title) and artist credit equal to the catalog's, ignoring case and surrounding spaces. An
 * artist must match exactly one such result (several artists share a name: "Low", "Nirvana"); of several matching
 * recordings or releases the earliest released is taken (the original, not a later reissue or live take).
 */
final class MusicBrainzMatch {

    static final int FULL_SCORE = 100;

    private MusicBrainzMatch() {}

    static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    /** The one artist result of score 100 named {@code name}, or null when there is none or more than one. */
    static JsonNode artist(JsonNode results, String name) {
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode a : results.path("artists")) {
            if (a.path("score").asInt(0) == FULL_SCORE && same(a.path("name").asString(null), name)) {
                matches.add(a);
            }
        }
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /**
     * The earliest released result of score 100 in {@code results.path(list)} titled {@code title} and credited to
     * {@code artist} (the credit's joined names, or its first artist's name); null when none.
     */
    static JsonNode credited(JsonNode results, String list, String title, String artist, String dateField) {
        JsonNode best = null;
        for (JsonNode r : results.path(list)) {
            if (r.path("score").asInt(0) != FULL_SCORE || !same(r.path("title").asString(null), title)
                    || !creditedTo(r, artist)) {
                continue;
            }
            if (best == null || earlier(r.path(dateField).asString(""), best.path(dateField).asString(""))) {
                best = r;
            }
        }
        return best;
    }

    private static boolean creditedTo(JsonNode result, String artist) {
        if (artist == null) {
            return true; // an album without an album artist: the title alone decides
        }
        StringBuilder joined = new StringBuilder();
        JsonNode credit = result.path("artist-credit");
        for (JsonNode c : credit) {
            joined.append(c.path("name").asString("")).append(c.path("joinphrase").asString(""));
        }
        return same(joined.toString(), artist)
                || credit.size() > 0 && same(credit.get(0).path("artist").path("name").asString(null), artist)
                || credit.size() > 0 && same(credit.get(0).path("name").asString(null), artist);
    }

    /** A known date before an unknown one; "1994" before "1994-10-04" sorts by the string (ISO dates). */
    private static boolean earlier(String a, String b) {
        if (a.isEmpty()) {
            return false;
        }
        return b.isEmpty() || a.compareTo(b) < 0;
    }

    /** The year of a MusicBrainz date ("1994", "1994-10", "1994-10-04"), or null. */
    static Integer year(String date) {
        if (date == null || date.length() < 4) {
            return null;
        }
        try {
            int y = Integer.parseInt(date.substring(0, 4));
            return y > 0 ? y : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code country}, else the first ISO 3166-1 code of the artist's area (MusicBrainz JSON), upper case. */
    static String country(JsonNode artist) {
        String c = artist.path("country").asString(null);
        if (c == null || c.length() != 2) {
            JsonNode codes = artist.path("area").path("iso-3166-1-codes");
            c = codes.size() > 0 ? codes.get(0).asString(null) : null;
        }
        return c != null && c.length() == 2 ? c.toUpperCase(Locale.ROOT) : null;
    }
}
