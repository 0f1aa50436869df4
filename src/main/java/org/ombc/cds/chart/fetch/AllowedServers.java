package org.ombc.cds.chart.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The FHIR servers the fallback may call (SSRF guard). URLs are compared parsed: scheme, host, port when the
 * entry names one, and path prefix on a segment boundary. "http://127.0.0.10" does not match "http://127.0.0.1",
 * nor "http://ehr.example/fhirx" match "http://ehr.example/fhir".
 */
public final class AllowedServers {

    /** Encoded characters that, once a server or proxy decodes them, change how the path is split or routed. */
    private static final List<String> ENCODED_DELIMITERS = List.of("%2e", "%2f", "%25", "%3b", "%3f", "%23");

    private final List<URI> entries;

    public AllowedServers(List<String> entries) {
        List<URI> parsed = new ArrayList<>();
        for (String entry : entries) {
            if (entry != null && !entry.isBlank()) {
                URI uri = URI.create(entry.trim());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException(
                            "ombc.fhir.allowed-servers entry is not an absolute URL: " + entry);
                }
                parsed.add(uri);
            }
        }
        this.entries = List.copyOf(parsed);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public boolean allows(String url) {
        URI uri = parse(url);
        if (uri == null) {
            return false;
        }
        for (URI entry : entries) {
            if (matches(entry, uri)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code url} (a page link) is allowed and lies under {@code server} (the request's fhirServer): pages
     * of a search are read from the server that was asked, nowhere else.
     */
    public boolean allowsUnder(String server, String url) {
        URI base = parse(server);
        URI uri = parse(url);
        return base != null
                && uri != null
                && allows(url)
                && effectivePort(base) == effectivePort(uri)
                && matches(base, uri);
    }

    /**
     * The URL parsed, or null when it is not an absolute http(s) URL without user info, or when its path could
     * mean something else after decoding: dot segments ({@code ..}, {@code .}), path parameters ({@code ..;}),
     * percent-encoded dots, slashes, backslashes, percent signs, semicolons, question marks or hashes
     * ({@code %2e%2e}, {@code %2f}, {@code %5c}, {@code %252e}, {@code ..%3b}, {@code %3f}, {@code %23}), and NUL or
     * backslash anywhere ({@code %00}, {@code %5c}). A FHIR base URL or page link
     * needs none of them; a server behind a proxy could resolve them to a path off the allow-list.
     */
    static @Nullable URI parse(@Nullable String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (uri.getScheme() == null
                || uri.getHost() == null
                || uri.getUserInfo() != null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            return null;
        }
        String raw = uri.toString().toLowerCase(Locale.ROOT);
        if (raw.contains("%00") || raw.contains("%5c")) {
            return null;
        }
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
        if (rawPath.contains(";") || ENCODED_DELIMITERS.stream().anyMatch(rawPath::contains)) {
            return null;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        return uri;
    }

    private static boolean matches(URI entry, URI uri) {
        if (!entry.getScheme().equalsIgnoreCase(uri.getScheme())
                || !entry.getHost()
                        .toLowerCase(Locale.ROOT)
                        .equals(uri.getHost().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (entry.getPort() != -1 && effectivePort(entry) != effectivePort(uri)) {
            return false;
        }
        String prefix = trimSlash(entry.getRawPath());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String trimSlash(String path) {
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
