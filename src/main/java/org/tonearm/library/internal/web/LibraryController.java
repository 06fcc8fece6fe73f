package org.tonearm.library.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.identity.Access;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.library.internal.LibraryPages;
import org.tonearm.shared.TonearmException;

/**
 * The catalog read API: single artists, albums, tracks and search. Every answer is limited to what the caller may
 * see (their own listens and PUBLIC profiles', docs/api.md#accounts-and-authentication); anything else is 404 RESOURCE_NOT_FOUND. The entries
 * reveal listening history, so an API token needs {@code listens:read} (403 PERMISSION_DENIED otherwise).
 */
@Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
@RestController
class LibraryController {

    private final LibraryPages pages;

    LibraryController(LibraryPages pages) {
        this.pages = pages;
    }

    private static long viewer() {
        return CurrentUser.get().id();
    }

    @Operation(operationId = "getArtist", summary = "An artist of your listens")
    @GetMapping("/api/v1/catalog/artists/{id}")
    LibraryJson.Artist artist(@PathVariable long id) {
        return LibraryJson.Artist.of(pages.artist(viewer(), id));
    }

    @Operation(operationId = "getAlbum", summary = "An album of your listens")
    @GetMapping("/api/v1/catalog/albums/{id}")
    LibraryJson.Album album(@PathVariable long id) {
        return LibraryJson.Album.of(pages.album(viewer(), id));
    }

    @Operation(operationId = "getTrack", summary = "A track of your listens")
    @GetMapping("/api/v1/catalog/tracks/{id}")
    LibraryJson.Track track(@PathVariable long id) {
        return LibraryJson.Track.of(pages.track(viewer(), id));
    }

    /** {@code type} artist|album|track (absent: all); {@code limit} 1–100 per kind, default 20. */
    @Operation(operationId = "searchCatalog", summary = "Search the artists, albums and tracks of your listens")
    @GetMapping("/api/v1/search")
    LibraryJson.Search search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer limit) {
        long viewerId = viewer();
        if (q == null || q.isBlank()) {
            throw TonearmException.invalid("q", "is required and must not be blank");
        }
        CatalogKind kind = type == null ? null : kind(type);
        int max = limit == null ? LibraryPages.DEFAULT_LIMIT : limit;
        if (max < 1 || max > LibraryPages.MAX_LIMIT) {
            throw TonearmException.invalid("limit", "must be between 1 and " + LibraryPages.MAX_LIMIT);
        }
        return LibraryJson.Search.of(pages.search(viewerId, q, kind, max));
    }

    private static CatalogKind kind(String wire) {
        for (CatalogKind k : CatalogKind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return k;
            }
        }
        throw TonearmException.invalid("type", "must be one of artist, album, track");
    }
}
