package org.tonearm.catalog.internal.resolve;

import java.util.Locale;
import java.util.regex.Pattern;
import org.tonearm.catalog.Identifiers;

/**
 * The external identifiers of a credit that are well-formed enough to store (docs/api.md#catalog: kept when known).
 * A malformed one is dropped rather than failing the play: the play matters more than its id.
 */
record CleanIdentifiers(String recordingMbid, String artistMbid, String releaseMbid, String isrc, String spotifyId) {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** ISO 3901: CC-XXX-YY-NNNNN, stored without hyphens (12 characters). */
    private static final Pattern ISRC = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}");
    private static final int SPOTIFY_ID_MAX = 64;

    static CleanIdentifiers of(Identifiers ids) {
        String artistMbid = ids.artistMbids().isEmpty() ? null : mbid(ids.artistMbids().get(0));
        return new CleanIdentifiers(mbid(ids.recordingMbid()), artistMbid, mbid(ids.releaseMbid()), isrc(ids.isrc()),
                spotifyId(ids.spotifyId()));
    }

    static String mbid(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return UUID.matcher(v).matches() ? v : null;
    }

    static String isrc(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return ISRC.matcher(v).matches() ? v : null;
    }

    static String spotifyId(String value) {
        if (value == null || value.isBlank() || value.strip().length() > SPOTIFY_ID_MAX) {
            return null;
        }
        return value.strip();
    }
}
