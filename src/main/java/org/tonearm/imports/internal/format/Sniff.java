package org.tonearm.imports.internal.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Cheap, never-throwing helpers for {@code ImportFormat.detect}: file names first, then the head's text. */
final class Sniff {

    private Sniff() {}

    /** The last path segment (zip entries use '/', Windows uploads '\'), lower case. */
    static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1).toLowerCase(Locale.ROOT);
    }

    static boolean nameMatches(String fileName, Pattern pattern) {
        return pattern.matcher(baseName(fileName)).matches();
    }

    /** The head as text without a byte order mark; a cut multi-byte char at the end becomes U+FFFD. */
    static String text(byte[] head) {
        if (head == null) {
            return "";
        }
        String text = new String(head, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The first line of the head, without its terminator. */
    static String firstLine(byte[] head) {
        String text = text(head);
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(0, end);
    }

    /** The head starts (after whitespace) with {@code c}. */
    static boolean startsWith(String text, char c) {
        String stripped = text.stripLeading();
        return !stripped.isEmpty() && stripped.charAt(0) == c;
    }

    /** Every key appears as a JSON property name in the head. */
    static boolean hasKeys(String text, String... keys) {
        for (String key : keys) {
            if (!Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(text).find()) {
                return false;
            }
        }
        return true;
    }

    /** {@code line} split as one comma-separated CSV record (quotes honoured); empty when it is not one. */
    static List<String> csvFields(String line) {
        try {
            CsvRecord record = new CsvReader(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8))).next();
            return record == null ? List.of() : record.fields();
        } catch (IOException | RuntimeException | org.tonearm.imports.ImportFileException e) {
            return List.of();
        }
    }
}
