package org.tonearm.listens.internal.web;

import java.util.List;
import java.util.Set;
import org.tonearm.listens.internal.edit.ListenCorrection;
import tools.jackson.databind.JsonNode;

/**
 * Validates {@code PATCH /api/v1/listens/{id}}: users correct what was played (artist, artists, track,
 * album) and the track length (docs/api.md#listens). When and where it was played are facts of the play, not metadata,
 * so other fields are refused rather than silently ignored. Same limits as submissions.
 */
final class ListenCorrectionValidator {

    static final Set<String> EDITABLE = Set.of("artist", "artists", "track", "album", "track_length_ms");

    private ListenCorrectionValidator() {}

    static ListenCorrection validate(JsonNode body) {
        FieldErrors errors = new FieldErrors();
        if (!body.isObject()) {
            errors.add("body", "must be a JSON object");
            errors.throwIfAny();
        }
        for (String name : body.propertyNames()) {
            if (!EDITABLE.contains(name)) {
                errors.add(name, "cannot be corrected; editable fields are " + String.join(", ", EDITABLE.stream().sorted().toList()));
            }
        }
        if (body.isEmpty()) {
            errors.add("body", "names no field to correct");
        }
        String artist = body.has("artist") ? ListenSubmissionValidator.name(body, "", "artist", true, errors) : null;
        List<String> artists = body.has("artists") && JsonFieldRules.given(body.get("artists"))
                ? JsonFieldRules.textList(body.get("artists"), "artists", ListenSubmissionValidator.MAX_NAME_LENGTH, errors)
                : null;
        if (artists != null && artists.isEmpty() && !errors.hasPath("artists")) {
            errors.add("artists", "must name at least one artist");
        }
        String track = body.has("track") ? ListenSubmissionValidator.name(body, "", "track", true, errors) : null;
        String album = ListenSubmissionValidator.name(body, "", "album", false, errors);
        Long length = ListenSubmissionValidator.duration(body, "", "track_length_ms", errors);
        errors.throwIfAny();
        return new ListenCorrection(artist, artists, track, body.has("album"), album == null || album.isBlank() ? null : album,
                body.has("track_length_ms"), length);
    }
}
