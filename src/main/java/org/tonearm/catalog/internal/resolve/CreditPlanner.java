package org.tonearm.catalog.internal.resolve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.NameKeys;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.catalog.internal.credit.ArtistCreditParser;
import org.tonearm.catalog.internal.credit.ParsedCredit;
import org.tonearm.catalog.internal.resolve.CreditPlan.Named;

/**
 * Turns a credit into its keys (docs/api.md#catalog): track = primary artist key + title key (the album is not part
 * of a track's identity); album = album artist (the primary artist) key + album title key.
 *
 * <p>The same credit text arrives again with every play of a track, so parsed keys are memoized by text:
 * the ingest hot loop then skips the regexes and Unicode normalization.
 */
@Component
class CreditPlanner {

    /** The name / key columns are VARCHAR(512); composite keys (two parts) fit VARCHAR(1100). */
    static final int MAX_TEXT = 512;
    private static final int MEMO_SIZE = 100_000;

    private final ArtistCreditParser parser = new ArtistCreditParser();
    private final Cache<CreditText, Keys> memo = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();

    /** The parts of a credit that decide its keys. */
    private record CreditText(String artist, List<String> artists, String title, String album) {}

    private record Keys(Named primary, List<Named> featured, String title, String trackKey, String albumTitle,
            String albumKey) {}

    CreditPlan plan(TrackCredit credit) {
        Keys keys = memo.get(new CreditText(credit.artist(), credit.artists(), credit.title(), credit.album()),
                text -> keys(credit));
        Long length = credit.lengthMs() != null && credit.lengthMs() > 0 ? credit.lengthMs() : null;
        return new CreditPlan(credit, keys.primary(), keys.featured(), keys.title(), keys.trackKey(),
                keys.albumTitle(), keys.albumKey(), length, CleanIdentifiers.of(credit.ids()));
    }

    private Keys keys(TrackCredit credit) {
        ParsedCredit parsed = parser.parse(credit);
        Named primary = named(parsed.primaryArtist());
        List<Named> featured = parsed.featuredArtists().stream().map(CreditPlanner::named).toList();
        String title = clip(parsed.title());
        String trackKey = NameKeys.compose(primary.key(), clip(NameKeys.normalize(title)));
        String albumTitle = clip(NameKeys.tidy(credit.album()));
        String albumTitleKey = clip(NameKeys.normalize(albumTitle));
        String albumKey = albumTitleKey.isEmpty() ? null : NameKeys.compose(primary.key(), albumTitleKey);
        return new Keys(primary, featured, title, trackKey, albumKey == null ? null : albumTitle, albumKey);
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
