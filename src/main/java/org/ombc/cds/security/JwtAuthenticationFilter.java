package org.ombc.cds.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombc.cds.cdshooks.ErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requires a verified JWT on every call that carries patient data: POSTs under {@code /cds-services/} (the
 * service and its feedback) and to {@code /ombc/assessment}. Discovery and CORS preflight stay open. The caller
 * is left as a request attribute for the audit.
 */
public final class JwtAuthenticationFilter extends OncePerRequestFilter {

    public static final String CALLER = "org.ombc.cds.security.JwtAuthenticationFilter.caller";
    private static final Logger log = LoggerFactory.getLogger(JwtAuthenticationFilter.class);

    private final CdsJwtVerifier verifier;
    private final String publicBaseUrl;
    private final ObjectMapper json;

    public JwtAuthenticationFilter(CdsJwtVerifier verifier, String publicBaseUrl, ObjectMapper json) {
        this.verifier = verifier;
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean protectedPath = path.startsWith("/cds-services/") || path.equals("/ombc/assessment");
        return !protectedPath || "OPTIONS".equals(request.getMethod()) || "GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            String audience = audience(request);
            // Feedback may carry the service URL or the feedback URL as aud: clients differ, both name our service.
            List<String> accepted = audience.endsWith("/feedback")
                    ? List.of(audience, audience.substring(0, audience.length() - "/feedback".length()))
                    : List.of(audience);
            CdsJwtVerifier.Caller caller = verifier.verify(request.getHeader("Authorization"), accepted);
            request.setAttribute(CALLER, caller);
            chain.doFilter(request, response);
        } catch (JwtRejectedException e) {
            log.info("refused {} {}: JWT check failed: {}", request.getMethod(), request.getRequestURI(), e.check().code());
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
                    + e.check().code() + "\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ErrorBody.of("unauthorized", e.check().detail(),
                    java.util.Map.of("check", e.check().code())));
        }
    }

    /** The URL the client called, which must be the token's {@code aud}. */
    private String audience(HttpServletRequest request) {
        if (publicBaseUrl != null) {
            return publicBaseUrl + request.getRequestURI().substring(request.getContextPath().length());
        }
        return request.getRequestURL().toString();
    }
}
