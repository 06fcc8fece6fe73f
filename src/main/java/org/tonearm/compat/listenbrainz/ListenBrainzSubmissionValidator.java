package org.tonearm.compat.listenbrainz;

import static org.tonearm.compat.listenbrainz.ListenBrainzApiException.badRequest;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document-level rules of {@code POST /1/submit-listens}, in ListenBrainz's order and with its messages
 * (listenbrainz-server webserver/views/api.py {@code submit_listen}); each listen then goes through
 * {@link ListenBrainzListenValidator}. A request with any invalid listen stores nothing.
 */
@Component
class ListenBrainzSubmissionValidator {

    /** api_tools.py MAX_LISTENS_PER_REQUEST. */
    static final int MAX_LISTENS_PER_REQUEST = 1000;
    /** api_tools.py MAX_LISTEN_SIZE: bytes per listen, checked as the body's size against listens × this. */
    static final int MAX_LISTEN_SIZE = 10_240;
    /** api_tools.py MAX_LISTEN_PAYLOAD_SIZE = MAX_LISTEN_SIZE × MAX_LISTENS_PER_REQUEST. */
    static final int MAX_LISTEN_PAYLOAD_SIZE = MAX_LISTEN_SIZE * MAX_LISTENS_PER_REQUEST;

    /** A checked submission: the normalized listens and, index-aligned, the listens exactly as sent. */
    record Submission(ListenType type, List<ObjectNode> listens, List<JsonNode> originals) {}

    private final JsonMapper json;
    private final ListenBrainzListenValidator listenValidator;

    ListenBrainzSubmissionValidator(JsonMapper json, ListenBrainzListenValidator listenValidator) {
        this.json = json;
        this.listenValidator = listenValidator;
    }

    /** {@code body} is at most MAX_LISTEN_PAYLOAD_SIZE bytes (RequestBodies checked it while reading). */
    Submission validate(byte[] body, long nowSeconds) {
        JsonNode document = parse(body);
        requireObject(document);
        JsonNode payload = requirePayloadKey(document);
        requireList(payload);
        requireSomeListens(payload);
        requireNotTooManyListens(payload);
        requireListensWithinSize(body.length, payload);
        ListenType type = requireValidListenType(document);
        requireOneListenFor(type, payload);
        List<ObjectNode> listens = new ArrayList<>(payload.size());
        List<JsonNode> originals = new ArrayList<>(payload.size());
        for (JsonNode listen : payload) {
            originals.add(listen);
            listens.add(listenValidator.validate(listen, type, nowSeconds));
        }
        return new Submission(type, listens, originals);
    }

    /**
     * The {@code return_msid} query flag of submit-listens (api.py {@code _parse_bool_arg}): absent is false, else
     * "true" or "false" in any case; anything else is a 400.
     */
    static boolean returnMsid(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw badRequest("Invalid value of return_msid: " + value);
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw badRequest("Cannot parse JSON document: " + e.getOriginalMessage());
        }
    }

    private static void requireObject(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw badRequest("Invalid JSON document submitted. Top level of JSON document should be a json object.");
        }
    }

    /** A missing key is ListenBrainz's KeyError branch: the generic message. */
    private static JsonNode requirePayloadKey(JsonNode document) {
        if (!document.has("payload")) {
            throw badRequest("Invalid JSON document submitted.");
        }
        return document.get("payload");
    }

    private static void requireList(JsonNode payload) {
        if (!payload.isArray()) {
            throw new ListenBrainzApiException(400, "The payload in the JSON document should be a list of listens.",
                    payload.isObject() ? payload : null);
        }
    }

    private static void requireSomeListens(JsonNode payload) {
        if (payload.isEmpty()) {
            throw badRequest("JSON document does not contain any listens");
        }
    }

    private static void requireNotTooManyListens(JsonNode payload) {
        if (payload.size() > MAX_LISTENS_PER_REQUEST) {
            throw badRequest("Too many listens. You may not submit more than " + MAX_LISTENS_PER_REQUEST
                    + " listens at once.");
        }
    }

    private static void requireListensWithinSize(long bytes, JsonNode payload) {
        if (bytes > (long) payload.size() * MAX_LISTEN_SIZE) {
            throw badRequest("JSON document is too large. Each listens may not be larger than " + MAX_LISTEN_SIZE
                    + " bytes.");
        }
    }

    private static ListenType requireValidListenType(JsonNode document) {
        if (!document.has("listen_type")) {
            throw badRequest("Invalid JSON document submitted.");
        }
        JsonNode value = document.get("listen_type");
        ListenType type = value.isString() ? ListenType.fromWire(value.stringValue()) : null;
        if (type == null) {
            throw badRequest("JSON document requires a valid listen_type key.");
        }
        return type;
    }

    private static void requireOneListenFor(ListenType type, JsonNode payload) {
        if (type.singleListen() && payload.size() > 1) {
            throw badRequest("JSON document contains more than listen for a single/playing_now. "
                    + "It should contain only one.");
        }
    }
}
