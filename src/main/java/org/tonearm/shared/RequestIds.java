package org.tonearm.shared;

import org.slf4j.MDC;

/** The request id of the current request (docs/api.md#gateway: accepted from {@code X-Request-Id} or generated). */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    private RequestIds() {}

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
