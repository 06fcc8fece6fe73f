package org.tonearm.listens.internal.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.AlbumView;
import org.tonearm.catalog.CatalogService;
import org.tonearm.catalog.TrackView;
import org.tonearm.listens.internal.persistence.ListenRow;
import org.tonearm.shared.Instants;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored rows → listens out. Catalog data is fetched set-wise: one call for all tracks and one for all
 * albums of a page, never one per listen.
 */
@Component
class ListenViews {

    private final CatalogService catalog;
    private final JsonMapper json;

    ListenViews(CatalogService catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    List<ListenJson> toJson(List<ListenRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> trackIds = new LinkedHashSet<>();
        Set<Long> albumIds = new LinkedHashSet<>();
        for (ListenRow row : rows) {
            trackIds.add(row.trackId());
            if (row.albumId() != null) {
                albumIds.add(row.albumId());
            }
        }
        Map<Long, TrackView> tracks = catalog.tracks(trackIds);
        Map<Long, AlbumView> albums = albumIds.isEmpty() ? Map.of() : catalog.albums(albumIds);
        return rows.stream().map(row -> toJson(row, tracks.get(row.trackId()),
                row.albumId() == null ? null : albums.get(row.albumId()))).toList();
    }

    ListenJson toJson(ListenRow row) {
        return toJson(List.of(row)).get(0);
    }

    private ListenJson toJson(ListenRow row, TrackView track, AlbumView album) {
        return new ListenJson(row.id(), Instants.format(row.listenedAt()), track(row.trackId(), track),
                album == null ? null : new ListenJson.AlbumJson(album.id(), album.title()),
                row.durationPlayedMs(), row.trackLengthMs(), upper(row.classification()), row.weight(),
                lower(row.service()), lower(row.channel()), row.client(), row.externalId(), extra(row.extra()),
                row.mergeCount());
    }

    private static ListenJson.TrackJson track(long id, TrackView track) {
        if (track == null) {
            // cannot happen with the foreign key; keep the listen visible rather than failing the page
            return new ListenJson.TrackJson(id, null, List.of());
        }
        return new ListenJson.TrackJson(track.id(), track.title(), track.artists().stream()
                .map(a -> new ListenJson.ArtistJson(a.id(), a.name(), lower(a.role())))
                .toList());
    }

    private JsonNode extra(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
