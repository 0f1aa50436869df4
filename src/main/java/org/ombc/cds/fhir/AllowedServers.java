package org.ombc.cds.fhir;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The FHIR servers the fallback may call (SSRF guard). URLs are compared parsed: scheme, host, port when the
 * entry names one, and path prefix on a segment boundary. "http://127.0.0.10" does not match "http://127.0.0.1",
 * nor "http://ehr.example/fhirx" match "http://ehr.example/fhir".
 */
public final class AllowedServers {

    private final List<URI> entries;

    public AllowedServers(List<String> entries) {
        List<URI> parsed = new ArrayList<>();
        for (String entry : entries) {
            if (entry != null && !entry.isBlank()) {
                URI uri = URI.create(entry.trim());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("ombc.fhir.allowed-servers entry is not an absolute URL: " + entry);
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
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getUserInfo() != null) {
            return false;
        }
        for (URI entry : entries) {
            if (matches(entry, uri)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(URI entry, URI uri) {
        if (!entry.getScheme().equalsIgnoreCase(uri.getScheme())
                || !entry.getHost().toLowerCase(Locale.ROOT).equals(uri.getHost().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (entry.getPort() != -1 && effectivePort(entry) != effectivePort(uri)) {
            return false;
        }
        String prefix = trimSlash(entry.getPath());
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.contains("/../") || path.endsWith("/..")) {
            return false;
        }
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
