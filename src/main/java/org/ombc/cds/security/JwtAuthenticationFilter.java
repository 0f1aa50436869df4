package org.ombc.cds.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Inside the Spring Security chain: on the routes that need a token ({@link SecurityConfiguration#NEEDS_TOKEN},
 * matched on the normalised path), verifies the CDS Hooks JWT and puts the caller in the security context; a
 * failed check is answered 401 by the entry point. Authorisation, not this filter, refuses a call that arrives
 * here unauthenticated, so a route this filter skipped is still closed.
 */
final class JwtAuthenticationFilter extends OncePerRequestFilter {

    private final RequestMatcher needsToken;
    private final CdsJwtVerifier verifier;
    private final Audiences audiences;
    private final AuthenticationEntryPoint entryPoint;

    JwtAuthenticationFilter(
            RequestMatcher needsToken,
            CdsJwtVerifier verifier,
            Audiences audiences,
            AuthenticationEntryPoint entryPoint) {
        this.needsToken = needsToken;
        this.verifier = verifier;
        this.audiences = audiences;
        this.entryPoint = entryPoint;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !needsToken.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CdsJwtVerifier.Caller caller;
        try {
            List<String> accepted = audiences.accepted(request);
            caller = verifier.verify(request.getHeader("Authorization"), accepted);
        } catch (JwtRejectedException e) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new JwtRejectedAuthenticationException(e));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
