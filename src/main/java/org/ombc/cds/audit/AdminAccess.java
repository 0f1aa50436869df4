package org.ombc.cds.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The admin token ({@code ombc.audit.admin-token}) that guards the governance API and the worklist: unset, those
 * endpoints are off (401); in the sandbox ({@code ombc.audit.admin-open}) no token is needed but only same-origin
 * requests are answered, so that a page of another origin cannot read them through a visitor's browser.
 */
public final class AdminAccess {

    private static final Logger log = LoggerFactory.getLogger(AdminAccess.class);

    private final @Nullable String adminToken;
    private final boolean adminOpen;

    public AdminAccess(AuditProperties properties) {
        this.adminToken = properties.adminToken();
        this.adminOpen = properties.adminOpen();
    }

    /**
     * Lets a request to the admin API through, or refuses it.
     *
     * @throws ApiProblem 401 without the token, 403 for a cross-origin request in the sandbox
     */
    public void require(@Nullable String authorization, HttpServletRequest request) {
        if (adminOpen) {
            requireSameOrigin(request);
            return;
        }
        if (adminToken == null || adminToken.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED, "unauthorized", "The admin API is disabled: set ombc.audit.admin-token.");
        }
        String presented =
                authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), adminToken.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid admin bearer token is required.");
        }
    }

    private static void requireSameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        boolean crossSite = site != null && !site.equals("same-origin") && !site.equals("none");
        String origin = request.getHeader("Origin");
        String own = request.getScheme() + "://" + request.getHeader("Host");
        if (crossSite || (origin != null && !origin.equalsIgnoreCase(own))) {
            log.info("admin API refused a cross-origin request");
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "The admin API answers only same-origin requests in the sandbox.");
        }
    }
}
