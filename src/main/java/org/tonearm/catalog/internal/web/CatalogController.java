package org.tonearm.catalog.internal.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.catalog.internal.query.CatalogQueries;
import org.tonearm.catalog.internal.query.SearchType;
import org.tonearm.identity.CurrentUser;
import org.tonearm.shared.TonearmException;

/**
 * The catalog read API: single artists, albums, tracks and search. Every answer is limited to what the
 * caller has listened to (SPEC §2); anything else is 404 RESOURCE_NOT_FOUND.
 */
@RestController
class CatalogController {

    private final CatalogQueries queries;

    CatalogController(CatalogQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/catalog/artists/{id}")
    CatalogJson.Artist artist(@PathVariable long id) {
        return CatalogJson.Artist.of(queries.artist(CurrentUser.get().id(), id));
    }

    @GetMapping("/api/v1/catalog/albums/{id}")
    CatalogJson.Album album(@PathVariable long id) {
        return CatalogJson.Album.of(queries.album(CurrentUser.get().id(), id));
    }

    @GetMapping("/api/v1/catalog/tracks/{id}")
    CatalogJson.Track track(@PathVariable long id) {
        return CatalogJson.Track.of(queries.track(CurrentUser.get().id(), id));
    }

    /** {@code type} artist|album|track (absent: all); {@code limit} 1–100 per kind, default 20. */
    @GetMapping("/api/v1/search")
    CatalogJson.Search search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer limit) {
        long userId = CurrentUser.get().id();
        if (q == null || q.isBlank()) {
            throw TonearmException.invalid("q", "is required and must not be blank");
        }
        SearchType kind = null;
        if (type != null) {
            kind = SearchType.fromWire(type)
                    .orElseThrow(() -> TonearmException.invalid("type", "must be one of artist, album, track"));
        }
        int max = limit == null ? CatalogQueries.DEFAULT_LIMIT : limit;
        if (max < 1 || max > CatalogQueries.MAX_LIMIT) {
            throw TonearmException.invalid("limit", "must be between 1 and " + CatalogQueries.MAX_LIMIT);
        }
        return CatalogJson.Search.of(queries.search(userId, q, kind, max));
    }
}
