package org.tonearm.stats.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.stats.Breakdown;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsService;

/**
 * The statistics MusicBrainz enrichment enables (docs/api.md#statistics "Genres, artist map and eras"): top genres,
 * the artist map and eras, in the §8 envelope with an {@code unknown} figure beside the items. {@code /top/genres}
 * is more specific than {@code /top/{kind}}, so Spring routes it here.
 */
@Access(credential = Credential.ANY, scopes = Scopes.STATS_READ)
@RestController
@RequestMapping("/api/v1/stats")
class EnrichedStatsController {

    private final StatsService stats;

    EnrichedStatsController(StatsService stats) {
        this.stats = stats;
    }

    @Operation(operationId = "getTopGenres", summary = "Your top genres of a range (the MusicBrainz tags of the artists you played)")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope, plus the plays of unknown genre (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsResponses.GenresPage.class)))
    @GetMapping("/top/genres")
    Map<String, Object> genres(@ParameterObject RangeRequest range, @RequestParam(required = false) String order,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        long userId = CurrentUser.get().id();
        Breakdown b = stats.genres(userId, stats.resolve(userId, range), StatsController.order(order),
                StatsController.integer("limit", limit, StatsController.DEFAULT_LIMIT),
                StatsController.integer("offset", offset, 0));
        return render(b, (m, bucket) -> m.put("genre", bucket.key()), false);
    }

    @Operation(operationId = "getArtistMap", summary = "Your plays per artist country (ISO 3166-1 alpha-2) of a range")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope, plus the plays of unknown country (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsResponses.ArtistMapPage.class)))
    @GetMapping("/artist-map")
    Map<String, Object> artistMap(@ParameterObject RangeRequest range, @RequestParam(required = false) String order,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        long userId = CurrentUser.get().id();
        // 250 countries at most: by default one page holds them all
        Breakdown b = stats.artistMap(userId, stats.resolve(userId, range), StatsController.order(order),
                StatsController.integer("limit", limit, 250), StatsController.integer("offset", offset, 0));
        return render(b, (m, bucket) -> m.put("country", bucket.key()), true);
    }

    @Operation(operationId = "getEras", summary = "Your plays per release decade of a range, oldest first")
    @ApiResponse(responseCode = "200", description = "The view in the stats envelope, plus the plays of unknown year (docs/api.md#statistics)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsResponses.ErasPage.class)))
    @GetMapping("/eras")
    Map<String, Object> eras(@ParameterObject RangeRequest range) {
        long userId = CurrentUser.get().id();
        Breakdown b = stats.eras(userId, stats.resolve(userId, range));
        return render(b, (m, bucket) -> m.put("decade", Integer.parseInt(bucket.key())), false);
    }

    private static Map<String, Object> render(Breakdown b, BiConsumer<Map<String, Object>, Breakdown.Bucket> key,
            boolean artists) {
        Map<String, Object> out = StatsJson.envelope(b.range(), b.computedAt(), b.total(), b.offset(),
                b.items().stream().map(bucket -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    key.accept(m, bucket);
                    m.put("plays", bucket.plays());
                    m.put("listening_time_ms", bucket.listeningTimeMs());
                    if (artists) {
                        m.put("artists", bucket.artists());
                    }
                    return m;
                }).toList());
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("plays", b.unknown().plays());
        unknown.put("listening_time_ms", b.unknown().listeningTimeMs());
        out.put("unknown", unknown);
        return out;
    }
}
