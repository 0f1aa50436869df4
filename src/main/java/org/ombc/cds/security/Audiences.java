package org.ombc.cds.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UrlPathHelper;

/**
 * The {@code aud} a token must carry: the URL of the service called, on the normalised path (decoded, path
 * parameters removed), so that two spellings of one route need the same audience. The base is
 * {@code ombc.public-base-url}; without it, the request's own scheme, host and port, but only for a host listed in
 * {@code ombc.security.allowed-hosts}: the Host header is the client's to choose and must not choose the audience.
 */
final class Audiences {

    private static final UrlPathHelper PATHS = new UrlPathHelper();
    private static final String FEEDBACK = "/feedback";

    private final @Nullable String publicBaseUrl;
    private final Set<String> allowedHosts;

    Audiences(@Nullable String publicBaseUrl, List<String> allowedHosts) {
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? null
                : publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.allowedHosts = allowedHosts.stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean configured() {
        return publicBaseUrl != null || !allowedHosts.isEmpty();
    }

    /**
     * Every audience accepted for this request (feedback may name the service or its feedback URL); none when the
     * request's host may not choose it, so that the token fails {@code wrong-audience} after its other checks.
     */
    List<String> accepted(HttpServletRequest request) {
        String base = base(request);
        if (base == null) {
            return List.of();
        }
        String url = base + PATHS.getPathWithinApplication(request);
        List<String> accepted = new ArrayList<>(List.of(url));
        if (url.endsWith(FEEDBACK)) {
            accepted.add(url.substring(0, url.length() - FEEDBACK.length()));
        }
        return accepted;
    }

    private @Nullable String base(HttpServletRequest request) {
        if (publicBaseUrl != null) {
            return publicBaseUrl + request.getContextPath();
        }
        String host =
                request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        if (!allowedHosts.contains(host) && !allowedHosts.contains(host + ":" + port)) {
            return null;
        }
        String scheme = request.getScheme();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host + (defaultPort || port <= 0 ? "" : ":" + port) + request.getContextPath();
    }
}
