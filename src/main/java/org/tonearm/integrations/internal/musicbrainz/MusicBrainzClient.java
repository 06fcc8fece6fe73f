package org.tonearm.integrations.internal.musicbrainz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.tonearm.catalog.CatalogEnrichment.Task;
import org.tonearm.integrations.ExternalHttp;
import org.tonearm.integrations.ExternalRequest;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;
import tools.jackson.databind.JsonNode;

/**
 * The MusicBrainz web service (https://musicbrainz.org/doc/MusicBrainz_API) and the Cover Art Archive
 * (https://musicbrainz.org/doc/Cover_Art_Archive/API), one request per lookup, through {@link ExternalHttp} only.
 * Requests are sent as not retryable: the worker's table is the retry (an entry's next attempt, with backoff), so
 * no retry inside the client can send a second request within MusicBrainz's one second.
 */
class MusicBrainzClient {

    /** Top tags kept per artist as its genres (docs/api.md#enrichment). */
    static final int GENRES = 5;
    static final int SEARCH_LIMIT = 10;

    record ArtistFound(String mbid, String country, Map<String, Integer> genres) {}

    record Found(String mbid, Integer year) {}

    private final ExternalHttp http;
    private final String userAgent;

    MusicBrainzClient(ExternalHttp http, String version, String contact) {
        this.http = http;
        // the format MusicBrainz asks for: "Application name/<version> ( contact-url or contact-email )"
        this.userAgent = "Tonearm/" + version + " ( " + contact + " )";
    }

    String userAgent() {
        return userAgent;
    }

    Optional<ArtistFound> artist(Task task) {
        JsonNode artist;
        if (task.submittedMbid() != null) {
            artist = lookup("/ws/2/artist/{mbid}?inc=tags+genres&fmt=json", task.submittedMbid());
        } else {
            artist = MusicBrainzMatch.artist(search("/ws/2/artist?query={q}&fmt=json&limit=" + SEARCH_LIMIT,
                    "artist:" + phrase(task.name())), task.name());
        }
        if (artist == null) {
            return Optional.empty();
        }
        return Optional.of(new ArtistFound(artist.path("id").asString(), MusicBrainzMatch.country(artist),
                genres(artist)));
    }

    Optional<Found> recording(Task task) {
        JsonNode recording;
        if (task.submittedMbid() != null) {
            recording = lookup("/ws/2/recording/{mbid}?fmt=json", task.submittedMbid());
        } else {
            recording = MusicBrainzMatch.credited(search("/ws/2/recording?query={q}&fmt=json&limit=" + SEARCH_LIMIT,
                    "recording:" + phrase(task.name()) + " AND artist:" + phrase(task.artistName())), "recordings",
                    task.name(), task.artistName(), "first-release-date");
        }
        return recording == null ? Optional.empty() : Optional.of(new Found(recording.path("id").asString(),
                MusicBrainzMatch.year(recording.path("first-release-date").asString(null))));
    }

    /**
     * A release. Looked up by a submitted MBID its year is the release group's first release; found by search, the
     * release's own date (search results carry no release-group dates; the earliest matching release is taken).
     */
    Optional<Found> release(Task task) {
        if (task.submittedMbid() != null) {
            JsonNode release = lookup("/ws/2/release/{mbid}?inc=release-groups&fmt=json", task.submittedMbid());
            if (release == null) {
                return Optional.empty();
            }
            Integer year = MusicBrainzMatch.year(release.path("release-group").path("first-release-date").asString(null));
            return Optional.of(new Found(release.path("id").asString(),
                    year != null ? year : MusicBrainzMatch.year(release.path("date").asString(null))));
        }
        String query = "release:" + phrase(task.name())
                + (task.artistName() == null ? "" : " AND artist:" + phrase(task.artistName()));
        JsonNode release = MusicBrainzMatch.credited(search("/ws/2/release?query={q}&fmt=json&limit=" + SEARCH_LIMIT,
                query), "releases", task.name(), task.artistName(), "date");
        return release == null ? Optional.empty() : Optional.of(new Found(release.path("id").asString(),
                MusicBrainzMatch.year(release.path("date").asString(null))));
    }

    /**
     * The release's front image from the Cover Art Archive (its 500 px thumbnail, else the image); null when the
     * archive has no art for it (404) or none marked front.
     */
    String cover(String releaseMbid) {
        JsonNode art;
        try {
            art = http.exchange(ExternalService.COVERARTARCHIVE, get("/release/{mbid}", releaseMbid), JsonNode.class);
        } catch (ExternalServiceException e) {
            if (e.upstreamStatus() == 404) {
                return null;
            }
            throw e;
        }
        if (art == null) {
            return null;
        }
        for (JsonNode image : art.path("images")) {
            if (image.path("front").asBoolean(false)) {
                String url = image.path("thumbnails").path("500").asString(null);
                return url != null ? url : image.path("image").asString(null);
            }
        }
        return null;
    }

    private JsonNode search(String template, String query) {
        JsonNode body = http.exchange(ExternalService.MUSICBRAINZ, get(template, query), JsonNode.class);
        if (body == null || !body.isObject()) {
            throw new ExternalServiceException(ExternalService.MUSICBRAINZ,
                    ExternalServiceException.Reason.BAD_RESPONSE, 200, null, "musicbrainz answered an empty search", null);
        }
        return body;
    }

    /** An entity by MBID; null when MusicBrainz does not know it (404) or refuses the id as malformed (400). */
    private JsonNode lookup(String template, String mbid) {
        try {
            JsonNode body = http.exchange(ExternalService.MUSICBRAINZ, get(template, mbid), JsonNode.class);
            if (body == null || !body.isObject() || body.path("id").isMissingNode()) {
                throw new ExternalServiceException(ExternalService.MUSICBRAINZ,
                        ExternalServiceException.Reason.BAD_RESPONSE, 200, null, "musicbrainz answered without an id",
                        null);
            }
            return body;
        } catch (ExternalServiceException e) {
            if (e.upstreamStatus() == 404 || e.upstreamStatus() == 400) {
                return null;
            }
            throw e;
        }
    }

    private ExternalRequest get(String template, Object variable) {
        // not retryable: see the class comment
        return new ExternalRequest(HttpMethod.GET, template, List.of(variable), Map.of(), null, null, false)
                .header(HttpHeaders.USER_AGENT, userAgent).header(HttpHeaders.ACCEPT, "application/json");
    }

    /** A Lucene phrase for MusicBrainz's search syntax: quotes and backslashes escaped. */
    static String phrase(String text) {
        return "\"" + (text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    /** The artist's top genres: MusicBrainz's curated {@code genres} when it has some, else its {@code tags}. */
    static Map<String, Integer> genres(JsonNode artist) {
        JsonNode source = artist.path("genres").size() > 0 ? artist.path("genres") : artist.path("tags");
        List<Map.Entry<String, Integer>> all = new ArrayList<>();
        for (JsonNode t : source) {
            String name = t.path("name").asString("").strip().toLowerCase(Locale.ROOT);
            int count = t.path("count").asInt(0);
            if (!name.isEmpty() && name.length() <= 100 && count > 0) {
                all.add(Map.entry(name, count));
            }
        }
        all.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        Map<String, Integer> top = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : all) {
            if (top.size() == GENRES) {
                break;
            }
            top.putIfAbsent(e.getKey(), e.getValue());
        }
        return top;
    }
}
