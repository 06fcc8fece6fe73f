package org.tonearm.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How a request that failed on the database before reaching its controller (the API-token lookup in the
 * authentication filter, for one) is answered when it is not the native API's problem+json: a compatibility
 * protocol registers a bean of this type for its own paths and writes the body in its own error format. The
 * status (503) and {@code Retry-After} are already set; {@code reason} is {@link DatabaseUnavailable#reason}.
 */
public interface DatabaseUnavailableReply {

    boolean handles(HttpServletRequest request);

    void write(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException;
}
