package org.tonearm.imports.internal.jobs;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tonearm.imports.ImportFormat;

/**
 * The import formats the application knows (every {@link ImportFormat} bean), looked up by id or detected from
 * a file's name and first bytes. Detection asks the formats in id order, so the outcome does not depend on bean order.
 */
@Component
public class FormatFinder {

    private final List<ImportFormat> formats;

    public FormatFinder(List<ImportFormat> formats) {
        this.formats = formats.stream().sorted(java.util.Comparator.comparing(ImportFormat::id)).toList();
    }

    public Optional<ImportFormat> byId(String id) {
        return formats.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<ImportFormat> detect(String fileName, byte[] head) {
        return formats.stream().filter(f -> detects(f, fileName, head)).findFirst();
    }

    /** With a forced format, a zip's other files (an export's profile.json…) still go through detection. */
    public Optional<ImportFormat> detect(String fileName, byte[] head, ImportFormat preferred) {
        if (preferred != null && detects(preferred, fileName, head)) {
            return Optional.of(preferred);
        }
        return detect(fileName, head);
    }

    public List<String> ids() {
        return formats.stream().map(ImportFormat::id).toList();
    }

    private static boolean detects(ImportFormat format, String fileName, byte[] head) {
        try {
            return format.detect(fileName, head);
        } catch (RuntimeException e) {
            return false; // detect must never throw (ImportFormat contract); a broken one just does not match
        }
    }
}
