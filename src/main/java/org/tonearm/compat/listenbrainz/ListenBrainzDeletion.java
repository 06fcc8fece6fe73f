package org.tonearm.compat.listenbrainz;

import static org.tonearm.compat.listenbrainz.ListenBrainzApiException.badRequest;

import java.math.BigInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /1/delete-listen}: {@code {"listened_at": …, "recording_msid": "…"}}, checked in
 * ListenBrainz's order with its messages (api.py {@code delete_listen}).
 */
record ListenBrainzDeletion(long listenedAt, String recordingMsid) {

    static ListenBrainzDeletion parse(byte[] body, JsonMapper json) {
        JsonNode data;
        try {
            data = json.readTree(body);
        } catch (JacksonException e) {
            throw badRequest("Failed to decode JSON object: " + e.getOriginalMessage());
        }
        if (data == null || !data.isObject() || !data.has("listened_at")) {
            throw badRequest("Listen timestamp missing.");
        }
        JsonNode listenedAt = data.get("listened_at");
        BigInteger seconds = PythonInts.of(listenedAt);
        if (seconds == null) {
            throw badRequest(pythonStr(listenedAt) + ": Listen timestamp invalid.");
        }
        if (!data.has("recording_msid")) {
            throw badRequest("Recording MSID missing.");
        }
        JsonNode msid = data.get("recording_msid");
        if (!ListenBrainzListenValidator.isValidUuid(msid)) {
            throw badRequest(pythonStr(msid) + ": Recording MSID format invalid.");
        }
        long clamped = Math.max(Math.min(PythonInts.clamp(seconds), Long.MAX_VALUE / 2000), Long.MIN_VALUE / 2000);
        return new ListenBrainzDeletion(clamped, ListenBrainzListenMapper.canonicalUuid(msid.stringValue()));
    }

    /** How Python's "%s" shows the value: strings bare, null as None, the rest as JSON. */
    private static String pythonStr(JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        return value.isNull() ? "None" : value.toString();
    }
}
