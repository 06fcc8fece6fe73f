package org.tonearm.catalog.internal.resolve;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.NameKeys;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.catalog.internal.credit.ArtistCreditParser;
import org.tonearm.catalog.internal.credit.ParsedCredit;
import org.tonearm.catalog.internal.resolve.CreditPlan.Named;

/**
 * Turns a credit into its keys (SPEC §3): track = primary artist key + title key (the album is not part
 * of a track's identity); album = album artist (the primary artist) key + album title key.
 */
@Component
class CreditPlanner {

    /** The name / key columns are VARCHAR(512); composite keys (two parts) fit VARCHAR(1100). */
    static final int MAX_TEXT = 512;

    private final ArtistCreditParser parser = new ArtistCreditParser();

    CreditPlan plan(TrackCredit credit) {
        ParsedCredit parsed = parser.parse(credit);
        Named primary = named(parsed.primaryArtist());
        List<Named> featured = parsed.featuredArtists().stream().map(CreditPlanner::named).toList();
        String title = clip(parsed.title());
        String trackKey = NameKeys.compose(primary.key(), clip(NameKeys.normalize(title)));
        String albumTitle = clip(NameKeys.tidy(credit.album()));
        String albumTitleKey = clip(NameKeys.normalize(albumTitle));
        String albumKey = albumTitleKey.isEmpty() ? null : NameKeys.compose(primary.key(), albumTitleKey);
        Long length = credit.lengthMs() != null && credit.lengthMs() > 0 ? credit.lengthMs() : null;
        return new CreditPlan(credit, primary, featured, title, trackKey, albumKey == null ? null : albumTitle,
                albumKey, length, CleanIdentifiers.of(credit.ids()));
    }

    private static Named named(String name) {
        return new Named(clip(name), clip(NameKeys.normalize(name)));
    }

    /** Cuts to the column width without splitting a surrogate pair. */
    static String clip(String s) {
        if (s.length() <= MAX_TEXT) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return s.substring(0, end);
    }
}
