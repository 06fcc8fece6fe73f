package org.tonearm.stats.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.Role;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;
import org.tonearm.shared.TonearmException;

/**
 * Public profiles (docs/api.md#accounts-and-authentication "A PUBLIC profile exposes stats … read-only, without login"; issue #11 item 4):
 * {@code GET /api/v1/users/{username}/stats/…} answers exactly what {@code GET /api/v1/stats/…} answers to that user.
 *
 * <p>How: the request is forwarded to {@code /api/v1/stats/…} (same query) with, for the duration of the forward
 * only, a principal that is the profile's owner holding nothing but {@code stats:read}. So both routes share one
 * set of handlers and renderers and produce identical JSON by construction, and the forward can only read
 * statistics: no other scope, GET only, and the target is always under {@code /api/v1/stats/}.
 *
 * <p>A PRIVATE profile and a username that does not exist get the same 404 RESOURCE_NOT_FOUND, so the route
 * reveals nothing about which accounts exist.
 */
@Access(credential = Credential.NONE) // the profile's visibility decides
@RestController
class PublicProfileStatsController {

    static final String PREFIX = "/api/v1/users/";
    static final String STATS = "/api/v1/stats/";

    private final UserDirectory users;

    PublicProfileStatsController(UserDirectory users) {
        this.users = users;
    }

    @Operation(operationId = "getPublicProfileStats", summary = "A PUBLIC profile's statistics: the views of /api/v1/stats/** under /api/v1/users/{username}/stats/")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "The view's answer, as /api/v1/stats/… gives it to the profile's owner",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    // one catch-all route for every view: its answer is one of the views' (StatsResponses)
                    schema = @io.swagger.v3.oas.annotations.media.Schema(anyOf = {
                            StatsResponses.OverviewPage.class, StatsResponses.TopArtistsPage.class, StatsResponses.TopAlbumsPage.class,
                            StatsResponses.TopTracksPage.class, StatsResponses.TimelinePage.class, StatsResponses.HeatmapPage.class,
                            StatsResponses.ClockPage.class, StatsResponses.StreaksPage.class, StatsResponses.InsightsPage.class,
                            StatsResponses.ArtistDiscoveriesPage.class, StatsResponses.AlbumDiscoveriesPage.class, StatsResponses.TrackDiscoveriesPage.class,
                            StatsResponses.ArtistEntityPage.class, StatsResponses.AlbumEntityPage.class, StatsResponses.TrackEntityPage.class,
                            StatsResponses.YearPage.class, StatsResponses.GenresPage.class,
                            StatsResponses.ArtistMapPage.class, StatsResponses.ErasPage.class})))
    @GetMapping(PREFIX + "{username}/stats/**")
    void publicStats(@PathVariable String username, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        UserProfile owner = users.findByUsername(username)
                .filter(p -> "PUBLIC".equalsIgnoreCase(p.profileVisibility()))
                .orElseThrow(() -> TonearmException.notFound("User"));
        String view = view(request, username);
        SecurityContext original = SecurityContextHolder.getContext();
        SecurityContext asOwner = SecurityContextHolder.createEmptyContext();
        AuthenticatedUser reader = new AuthenticatedUser(owner.id(), owner.username(), Role.USER,
                Set.of(Scopes.STATS_READ), true);
        asOwner.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(reader, null,
                Set.of(new SimpleGrantedAuthority("ROLE_USER"))));
        SecurityContextHolder.setContext(asOwner);
        try {
            request.getRequestDispatcher(STATS + view).forward(request, response);
        } finally {
            SecurityContextHolder.setContext(original);
        }
    }

    /**
     * The part after {@code /stats/}, e.g. {@code top/artists}. The servlet container and the firewall have already
     * refused encoded slashes and dot segments, so it cannot climb out of {@code /api/v1/stats/}.
     */
    private static String view(HttpServletRequest request, String username) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int start = path.indexOf("/stats/", PREFIX.length());
        String view = start < 0 ? "" : path.substring(start + "/stats/".length());
        if (view.isEmpty() || view.contains("..") || view.contains("//")) {
            throw TonearmException.notFound("View");
        }
        return view;
    }
}
