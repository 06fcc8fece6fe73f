package org.tonearm.listens.internal.web;

import static org.tonearm.listens.internal.web.FieldErrors.path;

import java.util.List;
import java.util.OptionalLong;
import org.tonearm.listens.Service;
import tools.jackson.databind.JsonNode;

/**
 * Validates one listen of {@code POST /api/v1/listens} (docs/api.md#listens, #listen-shapes). Each rule is its own small method;
 * errors name the field by JSON path under {@code prefix} (e.g. {@code listens[3].artist}).
 */
final class ListenSubmissionValidator {

    /** Artist, album and track names: the catalog stores them in VARCHAR(512) columns (202611281502-catalog). */
    static final int MAX_NAME_LENGTH = 512;
    /** listens.client is VARCHAR(100) (202611281503-listens); a longer client name would fail on PostgreSQL. */
    static final int MAX_CLIENT_LENGTH = 100;
    /** listens.external_id is VARCHAR(200) (202611281503-listens). */
    static final int MAX_EXTERNAL_ID_LENGTH = 200;
    /**
     * Played duration and track length as the wire allows them (also for corrections and now playing, which do not
     * pass the funnel); the funnel's sanity gate further refuses 0 for a submitted listen.
     */
    static final long MAX_DURATION_MS = 24L * 24 * 3600 * 1000;
    private ListenSubmissionValidator() {}

    /** The validated listen, or null with {@code errors} filled. */
    static ValidatedListen validate(JsonNode item, String prefix, FieldErrors errors) {
        if (item == null || !item.isObject()) {
            errors.add(prefix.isEmpty() ? "body" : prefix, "must be a JSON object");
            return null;
        }
        String artist = name(item, prefix, "artist", true, errors);
        List<String> artists = JsonFieldRules.textList(item.get("artists"), path(prefix, "artists"), MAX_NAME_LENGTH, errors);
        String track = name(item, prefix, "track", true, errors);
        String album = blankToNull(name(item, prefix, "album", false, errors));
        Long listenedAt = listenedAt(item.get("listened_at"), path(prefix, "listened_at"), errors);
        Long played = duration(item, prefix, "duration_played_ms", errors);
        Long length = duration(item, prefix, "track_length_ms", errors);
        Service service = service(item.get("service"), path(prefix, "service"), errors);
        String client = blankToNull(JsonFieldRules.text(item.get("client"), path(prefix, "client"), MAX_CLIENT_LENGTH, errors));
        String externalId = blankToNull(JsonFieldRules.text(item.get("external_id"), path(prefix, "external_id"),
                MAX_EXTERNAL_ID_LENGTH, errors));
        JsonNode extra = JsonFieldRules.object(item.get("extra"), path(prefix, "extra"), errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new ValidatedListen(artist, artists, track, album, listenedAt, played, length, service, client,
                externalId, extra, item.toString());
    }

    static String name(JsonNode item, String prefix, String field, boolean required, FieldErrors errors) {
        String path = path(prefix, field);
        return required
                ? JsonFieldRules.requiredText(item.get(field), path, MAX_NAME_LENGTH, errors)
                : JsonFieldRules.text(item.get(field), path, MAX_NAME_LENGTH, errors);
    }

    static Long duration(JsonNode item, String prefix, String field, FieldErrors errors) {
        return JsonFieldRules.integer(item.get(field), path(prefix, field), 0, MAX_DURATION_MS, errors);
    }

    /**
     * Required; ISO-8601 string or integer epoch seconds. Its range (2002-10-01 to now + 1 h) is the funnel's sanity
     * gate ({@code ListenSanity}), answered as this field's 400 by {@link ListenSubmissions}.
     */
    static Long listenedAt(JsonNode node, String path, FieldErrors errors) {
        if (!JsonFieldRules.given(node)) {
            errors.add(path, "is required");
            return null;
        }
        OptionalLong ms = WireInstants.parse(node);
        if (ms.isEmpty()) {
            errors.add(path, "must be an ISO-8601 instant or integer epoch seconds");
            return null;
        }
        return ms.getAsLong();
    }

    /** Optional, default {@code other}; one of the docs/api.md#listens wire names. */
    static Service service(JsonNode node, String path, FieldErrors errors) {
        String wire = JsonFieldRules.text(node, path, 40, errors);
        if (wire == null) {
            return null;
        }
        try {
            return Service.fromWire(wire);
        } catch (IllegalArgumentException e) {
            errors.add(path, "must be one of " + wireNames());
            return null;
        }
    }

    static String wireNames() {
        return String.join(", ", java.util.Arrays.stream(Service.values()).map(Service::wire).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
