package org.tonearm.shared.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tonearm.shared.DatabaseUnavailable;
import org.tonearm.shared.DatabaseUnavailableReply;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.RequestIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a database failure that escaped every controller advice (issue #16): thrown by a filter before
 * routing — the API-token lookup of the authentication filter is the known one — it would otherwise reach the
 * servlet container and come back as Spring's default {@code {"timestamp":…,"status":500}} body. Here it becomes
 * 503 + {@code Retry-After} in the caller's protocol ({@link DatabaseUnavailableReply} beans of the compat
 * packages), problem+json DATABASE_ERROR (docs/api.md#gateway) for everything else. Runs right after the request id filter,
 * so it wraps the whole security chain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseFailureFilter.class);

    private final List<DatabaseUnavailableReply> replies;
    private final JsonMapper json;

    DatabaseFailureFilter(List<DatabaseUnavailableReply> replies, JsonMapper json) {
        this.replies = replies;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException failure) {
            if (!DatabaseUnavailable.causedBy(failure) || response.isCommitted()) {
                throw failure;
            }
            // one line, no stack: during an outage every request fails the same way
            log.warn("database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), rootCause(failure));
            write(request, response, DatabaseUnavailable.reason(failure));
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        response.reset();
        String requestId = RequestIds.current();
        if (requestId != null) {
            response.setHeader(RequestIds.HEADER, requestId);
        }
        response.setStatus(503);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        for (DatabaseUnavailableReply reply : replies) {
            if (reply.handles(request)) {
                reply.write(request, response, reason);
                return;
            }
        }
        response.setContentType(ProblemDetailsAdvice.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ProblemDetailsAdvice.body(503, ErrorCode.DATABASE_ERROR,
                reason, List.of(), request.getRequestURI()));
    }

    static String rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }
}
