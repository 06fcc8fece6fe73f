package org.tonearm.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every {@link ImportFormat} bean, and automatic detection (docs/api.md#imports-and-exports: "detected automatically from file name and
 * content"). Formats are asked in {@link #DETECTION_ORDER}, most specific first, so that a loose content sniff
 * (a generic CSV header) never wins over a precise one; each format checks its file-name patterns before the
 * content of {@code head}.
 */
@Component
public class ImportFormats {

    /** Most specific first; formats not listed are asked last, by id. */
    static final List<String> DETECTION_ORDER = List.of("tonearm_account", "spotify_extended", "spotify_account",
            "listenbrainz", "pano_scrobbler", "lastfm_json", "maloja", "youtube_takeout", "tonearm_json", "tonearm_csv",
            "apple_music", "spinitron_csv", "scrobbler_log", "lastfm_csv", "librefm_csv");

    private final List<ImportFormat> formats;

    public ImportFormats(List<ImportFormat> formats) {
        List<ImportFormat> ordered = new ArrayList<>(formats);
        ordered.sort(Comparator.comparingInt(ImportFormats::rank).thenComparing(ImportFormat::id));
        this.formats = List.copyOf(ordered);
    }

    /** The format that reads {@code fileName} starting with {@code head}, or empty when none does. */
    public Optional<ImportFormat> detect(String fileName, byte[] head) {
        for (ImportFormat format : formats) {
            if (format.detect(fileName, head)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format with this id (the API's {@code format} parameter), or empty. */
    public Optional<ImportFormat> byId(String id) {
        return formats.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** All formats, in detection order. */
    public List<ImportFormat> all() {
        return formats;
    }

    private static int rank(ImportFormat format) {
        int index = DETECTION_ORDER.indexOf(format.id());
        return index < 0 ? DETECTION_ORDER.size() : index;
    }
}
