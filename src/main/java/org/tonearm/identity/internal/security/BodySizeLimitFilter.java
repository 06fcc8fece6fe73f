package org.tonearm.identity.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.internal.web.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/api.md#gateway body size limit for everything but multipart uploads (which have their own, larger limits): a declared
 * {@code Content-Length} above the limit is refused before reading; a chunked body is read up to the limit and
 * refused as soon as it passes it. Answer: 413 problem+json.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    /** The one route that takes multipart uploads (the imports module's POST /api/v1/imports). */
    static final String UPLOAD_PATH = "/api/v1/imports";

    private final long maxBytes;
    private final JsonMapper json;

    BodySizeLimitFilter(long maxBytes, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    /**
     * The upload route's multipart bodies have their own, larger limits (tonearm.imports.max-upload-size); a
     * multipart body sent anywhere else is held to this limit like any other (issue #15: every route, logout
     * included). The compatibility protocols enforce theirs and must answer in their own format (ListenBrainz
     * refuses bodies over 10,240,000 bytes with its 400 {code, error}).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        String path = request.getRequestURI();
        boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && (path.equals(UPLOAD_PATH) || path.equals(UPLOAD_PATH + "/"));
        return upload || path.startsWith("/apis/") || path.startsWith("/1/") || path.startsWith("/2.0");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            reject(request, response);
            return;
        }
        boolean chunked = declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (!chunked) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            reject(request, response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType(ProblemDetailsAdvice.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        // the unread body is not drained: the connection is closed rather than reading megabytes we refuse
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), ProblemDetailsAdvice.body(413, ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes", List.of(), request.getRequestURI()));
    }

    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
