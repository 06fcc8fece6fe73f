package org.tonearm.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How a refused request is answered when it is not the native API's problem+json: a compatibility protocol
 * registers a bean of this type for its own paths and writes the 429 in its own error format. The gateway has
 * already set the {@code X-RateLimit-*} and {@code Retry-After} headers.
 */
public interface RateLimitRejection {

    boolean handles(HttpServletRequest request);

    void reject(HttpServletRequest request, HttpServletResponse response, RateLimitDecision decision) throws IOException;
}
