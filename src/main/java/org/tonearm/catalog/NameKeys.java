package org.tonearm.catalog;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalized identity key of a catalog name (docs/api.md#catalog): Unicode NFKC, case-folded, whitespace
 * collapsed, surrounding punctuation trimmed. Two names with the same key are the same entity.
 */
public final class NameKeys {

    /** Joins the parts of a composite key (artist key + title key); never occurs inside a key (it is whitespace). */
    public static final char SEPARATOR = '\u001f';

    private NameKeys() {}

    /**
     * The identity key of {@code name}; "" for null or blank. A name made only of punctuation
     * ("!!!", "?") keeps its punctuation, since trimming would leave nothing to identify it by.
     */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        if (isAscii(name)) {
            return once(name.toLowerCase(Locale.ROOT));
        }
        // a key must be its own key; case mapping depends on context (final sigma, trimmed neighbours), so
        // non-ASCII text is normalized until it no longer changes (two passes in practice)
        String key = once(fold(name));
        for (int pass = 0; pass < 3; pass++) {
            String again = once(fold(key));
            if (again.equals(key)) {
                break;
            }
            key = again;
        }
        return key;
    }

    private static String once(String folded) {
        String spaced = collapseWhitespace(folded);
        String trimmed = trimPunctuation(spaced);
        return trimmed.isEmpty() ? spaced : trimmed;
    }

    /**
     * NFKC and case folding. Upper-then-lower approximates Unicode full case folding (ß → ss, final
     * ς → σ), which a plain toLowerCase does not; NFKC again because case mapping can produce
     * non-normalized sequences.
     */
    private static String fold(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        // lower first: a capital ẞ upper-cases to itself and would only reach "ss" on a second pass
        folded = folded.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }

    /** ASCII text is already NFKC and folds by lower-casing: the fast path of the ingest hot loop. */
    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A composite key: parts joined by {@link #SEPARATOR}. */
    public static String compose(String first, String second) {
        return first + SEPARATOR + second;
    }

    /** The display form of a name: whitespace runs collapsed to one space and ends trimmed; null → "". */
    public static String tidy(String name) {
        return name == null ? "" : collapseWhitespace(name);
    }

    /** Runs of any Unicode whitespace (tabs, NBSP, ideographic space…) become one space; ends trimmed. */
    static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static String trimPunctuation(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isSpace(cp) && !isPunctuation(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp) && !isPunctuation(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
