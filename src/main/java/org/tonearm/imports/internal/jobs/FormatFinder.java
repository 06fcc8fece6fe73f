package org.tonearm.imports.internal.jobs;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportFormats;

/**
 * The job pipeline's view of {@link ImportFormats}: the registry's detection order, plus a guard (a format whose
 * detect throws just does not match) and a preferred format for the files of a zip when the caller forced one.
 */
@Component
public class FormatFinder {

    private final ImportFormats formats;

    public FormatFinder(ImportFormats formats) {
        this.formats = formats;
    }

    public Optional<ImportFormat> byId(String id) {
        return formats.byId(id);
    }

    public Optional<ImportFormat> detect(String fileName, byte[] head) {
        return formats.all().stream().filter(f -> detects(f, fileName, head)).findFirst();
    }

    /** With a forced format, a zip's other files (an export's profile.json…) still go through detection. */
    public Optional<ImportFormat> detect(String fileName, byte[] head, ImportFormat preferred) {
        if (preferred != null && detects(preferred, fileName, head)) {
            return Optional.of(preferred);
        }
        return detect(fileName, head);
    }

    /** All formats, in detection order. */
    public List<ImportFormat> all() {
        return formats.all();
    }

    public List<String> ids() {
        return formats.all().stream().map(ImportFormat::id).toList();
    }

    private static boolean detects(ImportFormat format, String fileName, byte[] head) {
        try {
            return format.detect(fileName, head);
        } catch (RuntimeException e) {
            return false; // detect must never throw (ImportFormat contract); a broken one just does not match
        }
    }
}
