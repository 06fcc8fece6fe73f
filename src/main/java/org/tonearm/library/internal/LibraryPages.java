package org.tonearm.library.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.tonearm.catalog.CatalogEntry;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.catalog.CatalogLookup;
import org.tonearm.catalog.NameKeys;
import org.tonearm.listens.CatalogVisibility;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;

/**
 * Search and entity pages for one viewer: candidates from the catalog, filtered by what the viewer may see
 * (listens), then the entries read by id. Each call is one read transaction, so the filter and the entries agree.
 */
@Service
public class LibraryPages {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final Database database;
    private final CatalogLookup catalog;
    private final CatalogVisibility visibility;

    LibraryPages(Database database, CatalogLookup catalog, CatalogVisibility visibility) {
        this.database = database;
        this.catalog = catalog;
        this.visibility = visibility;
    }

    public record SearchResults(List<CatalogEntry.Artist> artists, List<CatalogEntry.Album> albums,
            List<CatalogEntry.Track> tracks) {}

    public CatalogEntry.Artist artist(long viewerId, long id) {
        return one(viewerId, CatalogKind.ARTIST, id, "Artist", catalog::artists);
    }

    public CatalogEntry.Album album(long viewerId, long id) {
        return one(viewerId, CatalogKind.ALBUM, id, "Album", catalog::albums);
    }

    public CatalogEntry.Track track(long viewerId, long id) {
        return one(viewerId, CatalogKind.TRACK, id, "Track", catalog::tracks);
    }

    /** The same 404 whether the entry does not exist or the viewer may not see it: ids reveal nothing. */
    private <T> T one(long viewerId, CatalogKind kind, long id, String what,
            Function<List<Long>, Map<Long, T>> read) {
        return database.read(() -> {
            List<Long> visible = visibility.visible(viewerId, catalog.withId(kind, id), 1);
            T entry = visible.isEmpty() ? null : read.apply(visible).get(id);
            if (entry == null) {
                throw TonearmException.notFound(what + " " + id);
            }
            return entry;
        });
    }

    /**
     * Entries whose normalized key contains the normalized {@code q} (matching ignores case, width and spacing like
     * identity does, docs/api.md#listens), closest names first. {@code kind} null searches all three kinds.
     */
    public SearchResults search(long viewerId, String q, CatalogKind kind, int limit) {
        String key = NameKeys.normalize(q);
        if (key.isEmpty()) {
            throw TonearmException.invalid("q", "must not be blank");
        }
        return database.read(() -> new SearchResults(
                find(viewerId, kind, CatalogKind.ARTIST, key, limit, catalog::artists),
                find(viewerId, kind, CatalogKind.ALBUM, key, limit, catalog::albums),
                find(viewerId, kind, CatalogKind.TRACK, key, limit, catalog::tracks)));
    }

    private <T> List<T> find(long viewerId, CatalogKind requested, CatalogKind kind, String key, int limit,
            Function<List<Long>, Map<Long, T>> read) {
        if (requested != null && requested != kind) {
            return List.of();
        }
        List<Long> ids = visibility.visible(viewerId, catalog.matching(kind, key), limit);
        Map<Long, T> entries = read.apply(ids);
        return ids.stream().map(entries::get).filter(Objects::nonNull).toList();
    }
}
