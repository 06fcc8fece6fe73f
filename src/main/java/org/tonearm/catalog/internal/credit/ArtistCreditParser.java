package org.tonearm.catalog.internal.credit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tonearm.catalog.NameKeys;
import org.tonearm.catalog.TrackCredit;

/**
 * Parses featured artists out of credit text (docs/api.md#catalog): "feat." / "ft." / "featuring" in the artist or
 * the title, bracketed or not, and structured artist lists (first = primary, rest = featured).
 *
 * <p>Only the featured part is split into several names (on ",", " & ", " and ", " x "): the primary
 * credit is never split, so "Simon & Garfunkel" and "Earth, Wind & Fire" stay one artist (docs/api.md#catalog).
 * Markers are whole words after a space or an opening bracket, so "Daft Punk", "Left Boy" and "Craft"
 * are untouched.
 */
public final class ArtistCreditParser {

    private static final String MARKER = "(?:featuring\\b|feat\\.|ft\\.|feat\\b|ft\\b)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** "(feat. B)" / "[ft. B]" anywhere after the start. */
    private static final Pattern BRACKETED = Pattern.compile("[(\\[]\\s*" + MARKER + "\\s*([^)\\]]*?)\\s*[)\\]]", FLAGS);
    /** "A feat. B": everything after the marker (artist text). */
    private static final Pattern TRAILING = Pattern.compile("(?<=\\s)" + MARKER + "\\s*(.*)$", FLAGS);
    /** "Song feat. B - Radio Edit": the featured part ends at a " - " suffix or a bracket (titles). */
    private static final Pattern TITLE_INLINE =
            Pattern.compile("(?<=\\s)" + MARKER + "\\s*(.*?)(?=\\s+-\\s+|\\s*[(\\[]|$)", FLAGS);
    private static final Pattern FEATURED_SEPARATOR =
            Pattern.compile("\\s*,\\s*|\\s+&\\s+|\\s+(?i:and)\\s+|\\s+x\\s+");

    public ParsedCredit parse(TrackCredit credit) {
        Extracted fromArtist = extract(NameKeys.tidy(credit.artist()), TRAILING);
        Extracted fromTitle = extract(NameKeys.tidy(credit.title()), TITLE_INLINE);

        String primary = fromArtist.rest();
        List<String> candidates = new ArrayList<>();
        String structuredPrimary = credit.artists().isEmpty() ? "" : NameKeys.tidy(credit.artists().get(0));
        if (!structuredPrimary.isEmpty()) {
            primary = structuredPrimary;
            credit.artists().stream().skip(1).map(NameKeys::tidy).forEach(candidates::add);
        }
        if (NameKeys.normalize(primary).isEmpty()) {
            throw new IllegalArgumentException("a credit needs an artist: " + credit);
        }
        candidates.addAll(fromArtist.featured());
        candidates.addAll(fromTitle.featured());

        String title = fromTitle.rest().isEmpty() ? NameKeys.tidy(credit.title()) : fromTitle.rest();
        if (NameKeys.normalize(title).isEmpty()) {
            throw new IllegalArgumentException("a credit needs a title: " + credit);
        }
        return new ParsedCredit(primary, dedupe(primary, candidates), title);
    }

    /** Featured names once each by key, in order, never the primary artist itself. */
    private static List<String> dedupe(String primary, List<String> names) {
        Map<String, String> byKey = new LinkedHashMap<>();
        String primaryKey = NameKeys.normalize(primary);
        for (String name : names) {
            String key = NameKeys.normalize(name);
            if (!key.isEmpty() && !key.equals(primaryKey)) {
                byKey.putIfAbsent(key, name);
            }
        }
        return List.copyOf(byKey.values());
    }

    private record Extracted(String rest, List<String> featured) {}

    private static Extracted extract(String text, Pattern inline) {
        if (!mayContainMarker(text)) {
            return new Extracted(text, List.of()); // most credits: skip the regexes on the ingest hot path
        }
        List<String> featured = new ArrayList<>();
        String rest = text;
        Matcher m = BRACKETED.matcher(rest);
        StringBuilder kept = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (m.start() == 0) {
                continue; // "(feat. B)" alone is not a suffix of anything: leave it as text
            }
            kept.append(rest, last, m.start()).append(' ');
            split(m.group(1), featured);
            last = m.end();
        }
        rest = NameKeys.tidy(kept.append(rest, last, rest.length()).toString());
        Matcher t = inline.matcher(rest);
        if (t.find() && t.start() > 0) {
            split(t.group(1), featured);
            rest = NameKeys.tidy(rest.substring(0, t.start()) + " " + rest.substring(t.end()));
        }
        return new Extracted(rest, featured);
    }

    /** Every marker starts with "f" followed by "t" or "eat" (any case): a cheap pre-check. */
    static boolean mayContainMarker(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            if ((text.charAt(i) | 0x20) == 'f') {
                int next = text.charAt(i + 1) | 0x20;
                if (next == 't' || next == 'e') {
                    return true;
                }
            }
        }
        return false;
    }

    private static void split(String featuredPart, List<String> into) {
        for (String name : FEATURED_SEPARATOR.split(featuredPart)) {
            String tidy = NameKeys.tidy(name);
            if (!tidy.isEmpty()) {
                into.add(tidy);
            }
        }
    }
}
