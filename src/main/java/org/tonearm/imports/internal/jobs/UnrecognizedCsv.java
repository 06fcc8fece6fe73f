package org.tonearm.imports.internal.jobs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tonearm.imports.ImportFormat;

/**
 * A delimited text file (CSV, TSV) that no format recognises. docs/api.md#imports-and-exports makes an import a job the user follows in the
 * import history, so such a file is not refused with a bare 400 at upload: its job fails with a report saying what
 * was found (the first line, its columns), which formats were tried and what each CSV format needs — enough to fix
 * the file or pick {@code format=}. Other unknown files (a .docx, random bytes) are still refused at upload.
 */
final class UnrecognizedCsv {

    static final String FORMAT = "unknown";
    private static final int SHOWN = 120;

    private UnrecognizedCsv() {}

    /** UTF-8 text whose name says CSV/TSV or whose first line is split by commas, tabs or semicolons. */
    static boolean looksLikeCsv(String fileName, byte[] head) {
        String text = text(head);
        if (text == null || text.indexOf('\0') >= 0 || text.isBlank()) {
            return false;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String first = firstLine(text);
        return name.endsWith(".csv") || name.endsWith(".tsv")
                || first.indexOf(',') >= 0 || first.indexOf('\t') >= 0 || first.indexOf(';') >= 0;
    }

    static String report(String fileName, byte[] head, List<ImportFormat> formats) {
        String text = text(head);
        String first = text == null ? "" : firstLine(text);
        char delimiter = first.indexOf('\t') >= 0 ? '\t' : first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
        int columns = first.isEmpty() ? 0 : first.split(Pattern.quote(String.valueOf(delimiter)), -1).length;
        String shown = first.length() > SHOWN ? first.substring(0, SHOWN) + "…" : first;
        String needs = formats.stream().filter(f -> f.needs() != null)
                .map(f -> f.id() + ": " + f.needs()).collect(Collectors.joining("; "));
        return "no import format recognises " + fileName + ": found " + (delimiter == '\t' ? "tab" : "'" + delimiter + "'")
                + "-separated text whose first line has " + columns + " column" + (columns == 1 ? "" : "s") + " ("
                + shown + "); tried " + formats.stream().map(ImportFormat::id).collect(Collectors.joining(", "))
                + ". The CSV formats need — " + needs + ". Fix the file or upload it again with format=<id>";
    }

    private static String text(byte[] head) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(cutToWholeChars(head)))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The head may end inside a multi-byte character: drop that partial character, not the whole verdict. */
    private static byte[] cutToWholeChars(byte[] head) {
        int end = head.length;
        int back = 0;
        while (end - back - 1 >= 0 && back < 3 && (head[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        return Arrays.copyOf(head, end);
    }

    private static String firstLine(String text) {
        String stripped = text.stripLeading();
        int end = 0;
        while (end < stripped.length() && stripped.charAt(end) != '\n' && stripped.charAt(end) != '\r') {
            end++;
        }
        return stripped.substring(0, end);
    }
}
