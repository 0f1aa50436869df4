package org.ombc.cds.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ombc.cds.web.ErrorBody;
import org.ombc.cds.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The security chain's answers, all through {@link ErrorBody}: 401 naming the failed JWT check (with
 * {@code WWW-Authenticate}), 403, and 400 for a request the firewall refuses (a path spelled to slip past the
 * path rules: {@code ;}, encoded {@code /}, {@code .}, {@code %}, {@code \}, {@code //}, {@code ..}).
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemEntryPoint.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        JwtRejectedException rejection = e instanceof JwtRejectedAuthenticationException r
                ? r.rejection()
                : new JwtRejectedException(RejectedCheck.MISSING_TOKEN);
        RejectedCheck check = rejection.check();
        log.info(
                "refused {} {}: JWT check failed: {}",
                LogSafe.of(request.getMethod()),
                LogSafe.of(request.getRequestURI()),
                check.code());
        if (check == RejectedCheck.REPLAY_CHECK_UNAVAILABLE) {
            response.setHeader("Retry-After", "30");
            ErrorBody.write(
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "replay-check-unavailable",
                    check.detail(),
                    Map.of("check", check.code()));
            return;
        }
        response.setHeader(
                "WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + check.code() + "\"");
        Map<String, Object> members = new LinkedHashMap<>(rejection.facts());
        members.put("check", check.code());
        ErrorBody.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", rejection.getMessage(), members);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ErrorBody.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "This call is not allowed.", Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.info(
                "refused {} {}: request rejected by the firewall",
                LogSafe.of(request.getMethod()),
                LogSafe.of(request.getRequestURI()));
        ErrorBody.write(
                response,
                HttpServletResponse.SC_BAD_REQUEST,
                "request-rejected",
                "The request is not in canonical form (path parameters, encoded '/', '.', '%' or '\\', '//', "
                        + "'..', or a disallowed method, header or character).",
                Map.of());
    }
}
