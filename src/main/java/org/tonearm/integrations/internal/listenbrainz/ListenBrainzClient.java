package org.tonearm.integrations.internal.listenbrainz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tonearm.integrations.ExternalHttp;
import org.tonearm.integrations.ExternalRequest;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure;
import org.tonearm.integrations.internal.scrobbling.RemoteFailure.Kind;
import tools.jackson.databind.JsonNode;

/**
 * The ListenBrainz API as published (https://listenbrainz.readthedocs.io/en/latest/users/api/core.html), over the one
 * resilient client: {@code GET /1/validate-token}, {@code GET /1/user/{user}/listens} and {@code POST
 * /1/submit-listens}. A token is sent as {@code Authorization: Token …}; every failure ends as a {@link RemoteFailure}.
 */
@Component
public class ListenBrainzClient {

    /** MAX_ITEMS_PER_GET of the listens endpoint. */
    public static final int MAX_PAGE_SIZE = 1000;
    /** Listens per submit-listens request: far under MAX_LISTENS_PER_REQUEST (1000) and the 10 kB/listen limit. */
    public static final int MAX_LISTENS_PER_SUBMIT = 100;

    private final ExternalHttp http;
    private final int pageSize;

    public ListenBrainzClient(ExternalHttp http, ListenBrainzProperties properties) {
        this.http = http;
        this.pageSize = properties.pageSize();
    }

    /** Listens asked per page ({@code count}); a page with fewer is the last one. */
    public int pageSize() {
        return pageSize;
    }

    /** The user the token belongs to; {@link Kind#NEEDS_REAUTH} when ListenBrainz says it is not valid. */
    public String validate(String token) {
        JsonNode body = call(auth(ExternalRequest.get("/1/validate-token"), token));
        if (!body.path("valid").asBoolean(false)) {
            throw new RemoteFailure(Kind.NEEDS_REAUTH, "ListenBrainz says the token is not valid: "
                    + body.path("message").asString(""), null, null);
        }
        return body.path("user_name").asString(null);
    }

    /**
     * Up to {@link #pageSize()} listens strictly before {@code maxTs} (and after {@code minTs}), newest first (epoch
     * seconds; null = open). A token is optional: it lets a user read their own listens when they are private.
     */
    public ListensPage listens(String user, Long maxTs, Long minTs, String token) {
        StringBuilder uri = new StringBuilder("/1/user/{user}/listens?count={count}");
        List<Object> vars = new ArrayList<>(List.of(user, pageSize));
        if (maxTs != null) {
            uri.append("&max_ts={max}");
            vars.add(maxTs);
        }
        if (minTs != null) {
            uri.append("&min_ts={min}");
            vars.add(minTs);
        }
        return ListensPage.parse(call(auth(ExternalRequest.get(uri.toString(), vars.toArray()), token)));
    }

    /**
     * Submits listens ({@code listen_type} "import" for several, "single" for one). ListenBrainz keeps one listen per
     * (user, listened_at, recording): sending the same listens again stores nothing new, so the request is marked
     * idempotent and retried on 5xx/timeouts like a GET (docs/api.md#connections).
     */
    public void submit(String token, List<Map<String, Object>> listens) {
        if (listens.isEmpty() || listens.size() > MAX_LISTENS_PER_SUBMIT) {
            throw new IllegalArgumentException("1 to " + MAX_LISTENS_PER_SUBMIT + " listens per request");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("listen_type", listens.size() == 1 ? "single" : "import");
        body.put("payload", listens);
        call(auth(ExternalRequest.post("/1/submit-listens", body).idempotent(), token));
    }

    private static ExternalRequest auth(ExternalRequest request, String token) {
        return token == null || token.isBlank() ? request : request.header("Authorization", "Token " + token);
    }

    private JsonNode call(ExternalRequest request) {
        JsonNode body;
        try {
            body = http.exchange(ExternalService.LISTENBRAINZ, request, JsonNode.class);
        } catch (ExternalServiceException e) {
            throw RemoteFailure.of(e); // 401 invalid token → NEEDS_REAUTH, 404 unknown user → NOT_FOUND
        }
        if (body == null || !body.isObject()) {
            throw new RemoteFailure(Kind.TRANSIENT, "ListenBrainz answered with an empty or non-object body", null,
                    null);
        }
        return body;
    }
}
