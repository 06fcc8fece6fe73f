package org.tonearm.compat.listenbrainz;

import static org.tonearm.compat.listenbrainz.ListenBrainzApiException.invalidListen;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One listen of a submission, checked like ListenBrainz's {@code validate_listen} (listenbrainz-server
 * webserver/views/api_tools.py): same rules, same order, same messages. Like ListenBrainz it returns a normalized
 * copy: {@code listened_at} as an integer, names stripped, durations as integers, empty MBIDs dropped.
 */
@Component
class ListenBrainzListenValidator {

    /** listenstore LISTEN_MINIMUM_TS: 2002-10-01T00:00:00Z, "before which most Last.FM data is rubbish". */
    static final long LISTEN_MINIMUM_TS = 1_033_430_400L;
    /** webserver API_LISTENED_AT_ALLOWED_SKEW: listens may be stamped up to one hour ahead (clock skew). */
    static final long LISTENED_AT_ALLOWED_SKEW = 60 * 60;
    /** api_tools.py MAX_TAGS_PER_LISTEN. */
    static final int MAX_TAGS_PER_LISTEN = 50;
    /** api_tools.py MAX_TAG_SIZE (characters). */
    static final int MAX_TAG_SIZE = 64;
    /** api_tools.py MAX_DURATION_LIMIT: 24 days in seconds. */
    static final long MAX_DURATION_LIMIT = 24L * 24 * 60 * 60;
    /** api_tools.py MAX_DURATION_MS_LIMIT. */
    static final long MAX_DURATION_MS_LIMIT = MAX_DURATION_LIMIT * 1000;
    static final List<String> SINGLE_MBID_KEYS = List.of("release_mbid", "recording_mbid", "release_group_mbid",
            "track_mbid");
    static final List<String> MULTIPLE_MBID_KEYS = List.of("artist_mbids", "work_mbids");

    /** Python's uuid.UUID(): 32 hex digits once braces, "urn:", "uuid:" and hyphens are removed. */
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

    ObjectNode validate(JsonNode listen, ListenType type, long nowSeconds) {
        requireListen(listen);
        ObjectNode copy = listen.isObject() ? ((ObjectNode) listen).deepCopy() : JsonNodeFactory.instance.objectNode();
        if (type == ListenType.PLAYING_NOW) {
            requireNoListenedAt(copy);
            requireTrackMetadataKey(copy);
            requireOnlyTrackMetadata(copy);
        } else {
            requireListenedAt(copy);
            copy.put("listened_at", requireIntListenedAt(copy));
            requireNotTooHigh(copy, nowSeconds);
            requireNotTooLow(copy);
            requireTrackMetadataKey(copy);
            requireOnlyListenedAtAndTrackMetadata(copy);
        }
        requireTrackMetadataNotNull(copy);
        basicMetadata(copy, "track_name", true);
        basicMetadata(copy, "artist_name", true);
        basicMetadata(copy, "release_name", false);
        ObjectNode info = additionalInfo(copy);
        if (info != null) {
            requireTagsWithinLimits(copy, info);
            requireNotBothDurations(copy, info);
            duration(copy, info, "duration", MAX_DURATION_LIMIT);
            duration(copy, info, "duration_ms", MAX_DURATION_MS_LIMIT);
            SINGLE_MBID_KEYS.forEach(key -> singleMbid(copy, info, key));
            MULTIPLE_MBID_KEYS.forEach(key -> multipleMbids(copy, info, key));
        }
        requireNoUnicodeNull(copy, copy);
        return copy;
    }

    static void requireListen(JsonNode listen) {
        if (listen == null || listen.isNull()) {
            throw ListenBrainzApiException.badRequest("Listen is empty and cannot be validated.");
        }
    }

    static void requireListenedAt(ObjectNode listen) {
        if (!listen.has("listened_at")) {
            throw invalidListen("JSON document must contain the key listened_at at the top level.", listen);
        }
    }

    static long requireIntListenedAt(ObjectNode listen) {
        BigInteger value = PythonInts.of(listen.get("listened_at"));
        if (value == null) {
            throw invalidListen("JSON document must contain an int value for listened_at.", listen);
        }
        return PythonInts.clamp(value);
    }

    static void requireNotTooHigh(ObjectNode listen, long nowSeconds) {
        if (listen.get("listened_at").longValue() >= nowSeconds + LISTENED_AT_ALLOWED_SKEW) {
            throw invalidListen("Value for key listened_at is too high.", listen);
        }
    }

    /** The message quotes ListenBrainz's own text (its number is not LISTEN_MINIMUM_TS; kept verbatim). */
    static void requireNotTooLow(ObjectNode listen) {
        if (listen.get("listened_at").longValue() < LISTEN_MINIMUM_TS) {
            throw invalidListen("Value for key listened_at is too low. listened_at timestamp should be greater "
                    + "than 1033410600 (2002-10-01 00:00:00 UTC).", listen);
        }
    }

    static void requireTrackMetadataKey(ObjectNode listen) {
        if (!listen.has("track_metadata")) {
            throw invalidListen("JSON document must contain the key track_metadata at the top level.", listen);
        }
    }

    static void requireOnlyListenedAtAndTrackMetadata(ObjectNode listen) {
        if (listen.size() > 2) {
            throw invalidListen("JSON document may only contain listened_at and track_metadata top level keys",
                    listen);
        }
    }

    static void requireNoListenedAt(ObjectNode listen) {
        if (listen.has("listened_at")) {
            throw invalidListen("JSON document must not contain listened_at while submitting playing_now.", listen);
        }
    }

    static void requireOnlyTrackMetadata(ObjectNode listen) {
        if (listen.size() > 1) {
            throw invalidListen("JSON document may only contain track_metadata as top level key when submitting "
                    + "playing_now.", listen);
        }
    }

    static void requireTrackMetadataNotNull(ObjectNode listen) {
        if (listen.get("track_metadata").isNull()) {
            throw invalidListen("JSON document may not have track_metadata with null value.", listen);
        }
    }

    /**
     * A name must be a string; it is stored stripped. A required one must not be blank, an optional blank one is
     * dropped. A non-object track_metadata has no names.
     */
    static void basicMetadata(ObjectNode listen, String key, boolean required) {
        JsonNode metadata = listen.get("track_metadata");
        if (!metadata.isObject() || !metadata.has(key)) {
            if (required) {
                throw invalidListen("JSON document does not contain required field track_metadata." + key + ".",
                        listen);
            }
            return;
        }
        JsonNode value = metadata.get(key);
        if (!value.isString()) {
            throw invalidListen("track_metadata." + key + " must be a single string.", listen);
        }
        String stripped = value.stringValue().strip();
        ((ObjectNode) metadata).put(key, stripped);
        if (stripped.isEmpty()) {
            if (!required) {
                // ListenBrainz drops an optional name that is empty once stripped (release_name: ""), as if not sent
                ((ObjectNode) metadata).remove(key);
                return;
            }
            throw invalidListen("field track_metadata." + key + " is empty.", listen);
        }
    }

    /** additional_info when it is an object; ListenBrainz ignores other values and so do we. */
    static ObjectNode additionalInfo(ObjectNode listen) {
        JsonNode info = listen.get("track_metadata").get("additional_info");
        return info != null && info.isObject() ? (ObjectNode) info : null;
    }

    static void requireTagsWithinLimits(ObjectNode listen, ObjectNode info) {
        JsonNode tags = info.get("tags");
        if (tags == null || !tags.isArray()) {
            return;
        }
        if (tags.size() > MAX_TAGS_PER_LISTEN) {
            throw invalidListen("JSON document may not contain more than " + MAX_TAGS_PER_LISTEN
                    + " items in track_metadata.additional_info.tags.", listen);
        }
        for (JsonNode tag : tags) {
            if (length(tag) > MAX_TAG_SIZE) {
                throw invalidListen("JSON document may not contain track_metadata.additional_info.tags longer than "
                        + MAX_TAG_SIZE + " characters.", listen);
            }
        }
    }

    /** Python len(): characters (code points) of a string, items of a list or object. */
    private static int length(JsonNode value) {
        if (value.isString()) {
            String s = value.stringValue();
            return s.codePointCount(0, s.length());
        }
        return value.isContainer() ? value.size() : 0;
    }

    static void requireNotBothDurations(ObjectNode listen, ObjectNode info) {
        if (info.has("duration") && info.has("duration_ms")) {
            throw invalidListen("JSON document should not contain both duration and duration_ms.", listen);
        }
    }

    /** A positive integer (Python int() accepted) up to 24 days; stored as an integer. */
    static void duration(ObjectNode listen, ObjectNode info, String key, long max) {
        if (!info.has(key)) {
            return;
        }
        BigInteger value = PythonInts.of(info.get(key));
        if (value == null || value.signum() <= 0) {
            throw invalidListen("Value for " + key + " is invalid, should be a positive integer.", listen);
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalidListen("Value for " + key + " is too large, max permitted value is " + max, listen);
        }
        info.put(key, value.longValue());
    }

    /** A falsy MBID (null, "", 0, false, [] or {}) is dropped; anything else must be a UUID. */
    static void singleMbid(ObjectNode listen, ObjectNode info, String key) {
        if (!info.has(key)) {
            return;
        }
        JsonNode mbid = info.get(key);
        if (falsy(mbid)) {
            info.remove(key);
            return;
        }
        if (!isValidUuid(mbid)) {
            throw invalidListen(key + " MBID format invalid.", listen);
        }
    }

    /** An empty list is dropped, falsy items are removed, every other item must be a UUID. */
    static void multipleMbids(ObjectNode listen, ObjectNode info, String key) {
        if (!info.has(key)) {
            return;
        }
        JsonNode mbids = info.get(key);
        if (falsy(mbids)) {
            info.remove(key);
            return;
        }
        if (!mbids.isArray()) {
            // ListenBrainz iterates a string's characters (or an object's keys): none is a UUID
            throw invalidListen(key + " MBID format invalid.", listen);
        }
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode mbid : mbids) {
            if (falsy(mbid)) {
                continue;
            }
            if (!isValidUuid(mbid)) {
                throw invalidListen(key + " MBID format invalid.", listen);
            }
            kept.add(mbid);
        }
        ArrayNode filtered = info.putArray(key);
        kept.forEach(filtered::add);
    }

    static boolean falsy(JsonNode value) {
        return value.isNull()
                || (value.isString() && value.stringValue().isEmpty())
                || (value.isBoolean() && !value.booleanValue())
                || (value.isNumber() && value.doubleValue() == 0)
                || (value.isContainer() && value.isEmpty());
    }

    static boolean isValidUuid(JsonNode value) {
        if (!value.isString()) {
            return false;
        }
        String hex = value.stringValue().replace("urn:", "").replace("uuid:", "");
        hex = stripBraces(hex).replace("-", "");
        return HEX32.matcher(hex).matches();
    }

    private static String stripBraces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == '{' || s.charAt(from) == '}')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == '{' || s.charAt(to - 1) == '}')) {
            to--;
        }
        return s.substring(from, to);
    }

    /** PostgreSQL cannot store NUL in text: ListenBrainz rejects any string value containing one. */
    static void requireNoUnicodeNull(JsonNode node, ObjectNode listen) {
        if (node.isString()) {
            if (node.stringValue().indexOf('\0') >= 0) {
                throw invalidListen(node.stringValue() + " contains a unicode null", listen);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                requireNoUnicodeNull(item, listen);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().indexOf('\0') >= 0) {
                    throw invalidListen(e.getKey() + " contains a unicode null", listen);
                }
                requireNoUnicodeNull(e.getValue(), listen);
            }
        }
    }
}
