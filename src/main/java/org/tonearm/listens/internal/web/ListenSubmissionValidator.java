package org.tonearm.listens.internal.web;

import static org.tonearm.listens.internal.web.FieldErrors.path;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.tonearm.listens.Service;
import tools.jackson.databind.JsonNode;

/**
 * Validates one listen of {@code POST /api/v1/listens} (SPEC §3, §8). Each rule is its own small method;
 * errors name the field by JSON path under {@code prefix} (e.g. {@code listens[3].artist}).
 */
final class ListenSubmissionValidator {

    /** Artist, album and track names: the catalog stores them in VARCHAR(512) columns (202611281502-catalog). */
    static final int MAX_NAME_LENGTH = 512;
    /** listens.client is VARCHAR(100) (202611281503-listens); a longer client name would fail on PostgreSQL. */
    static final int MAX_CLIENT_LENGTH = 100;
    /** listens.external_id is VARCHAR(200) (202611281503-listens). */
    static final int MAX_EXTERNAL_ID_LENGTH = 200;
    /** Played duration and track length: 0 up to 24 days, beyond any real recording (issue's bad-input list). */
    static final long MAX_DURATION_MS = 24L * 24 * 3600 * 1000;
    /** Listens before the Unix epoch are rejected: listened_at is stored as epoch ms UTC (SPEC §3). */
    static final long MIN_LISTENED_AT_MS = 0;
    /** Clock skew allowance: a listen may start at most one hour in the future (like ListenBrainz, SPEC §5). */
    static final Duration MAX_FUTURE = Duration.ofHours(1);

    private ListenSubmissionValidator() {}

    /** The validated listen, or null with {@code errors} filled. */
    static ValidatedListen validate(JsonNode item, String prefix, Instant now, FieldErrors errors) {
        if (item == null || !item.isObject()) {
            errors.add(prefix.isEmpty() ? "body" : prefix, "must be a JSON object");
            return null;
        }
        String artist = name(item, prefix, "artist", true, errors);
        List<String> artists = JsonFieldRules.textList(item.get("artists"), path(prefix, "artists"), MAX_NAME_LENGTH, errors);
        String track = name(item, prefix, "track", true, errors);
        String album = blankToNull(name(item, prefix, "album", false, errors));
        Long listenedAt = listenedAt(item.get("listened_at"), path(prefix, "listened_at"), now, errors);
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

    /** Required; ISO-8601 string or integer epoch seconds; between 1970-01-01 and now + 1 h. */
    static Long listenedAt(JsonNode node, String path, Instant now, FieldErrors errors) {
        if (!JsonFieldRules.given(node)) {
            errors.add(path, "is required");
            return null;
        }
        OptionalLong ms = WireInstants.parse(node);
        if (ms.isEmpty()) {
            errors.add(path, "must be an ISO-8601 instant or integer epoch seconds");
            return null;
        }
        return withinListenedAtRange(ms.getAsLong(), path, now, errors) ? ms.getAsLong() : null;
    }

    static boolean withinListenedAtRange(long ms, String path, Instant now, FieldErrors errors) {
        if (ms < MIN_LISTENED_AT_MS) {
            errors.add(path, "must not be before 1970-01-01T00:00:00Z");
            return false;
        }
        if (ms > now.plus(MAX_FUTURE).toEpochMilli()) {
            errors.add(path, "must not be more than 1 hour in the future");
            return false;
        }
        return true;
    }

    /** Optional, default {@code other}; one of the SPEC §3 wire names. */
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
