package org.tonearm.identity.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.internal.web.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filter chain, in the same problem+json shape as every other error (docs/api.md#errors).
 * The 401 carries the code of the credential's actual problem: AUTH_TOKEN_EXPIRED tells a client to refresh,
 * AUTH_TOKEN_INVALID (also for no credential at all) to log in.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        ErrorCode code = ErrorCode.AUTH_TOKEN_INVALID;
        String detail = "Authentication required: send 'Authorization: Bearer <access token>' or 'Token <API token>'";
        if (request.getAttribute(TokenAuthenticationFilter.FAILURE) instanceof TonearmException failure) {
            code = failure.code();
            detail = failure.getMessage();
        }
        // RFC 6750 §3: a 401 for a bearer-protected resource names the scheme
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, code == ErrorCode.AUTH_TOKEN_EXPIRED
                ? "Bearer error=\"invalid_token\", error_description=\"expired\"" : "Bearer");
        write(response, request, 401, code, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, request, 403, ErrorCode.PERMISSION_DENIED, "You are not allowed to do this");
    }

    private void write(HttpServletResponse response, HttpServletRequest request, int status, ErrorCode code,
            String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemDetailsAdvice.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
                ProblemDetailsAdvice.body(status, code, detail, List.of(), request.getRequestURI()));
    }
}
