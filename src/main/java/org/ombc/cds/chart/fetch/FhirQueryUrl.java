package org.ombc.cds.chart.fetch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The URL of a prefetch query on a server: every path segment and search parameter value percent-encoded. */
final class FhirQueryUrl {

    private FhirQueryUrl() {}

    static String of(String base, String query) {
        return (base.endsWith("/") ? base : base + "/") + encodeQuery(query);
    }

    /** Percent-encodes every search parameter value ("|" and "," in token lists, odd characters in ids). */
    static String encodeQuery(String query) {
        int q = query.indexOf('?');
        if (q < 0) {
            return encodePathSegments(query);
        }
        StringBuilder out = new StringBuilder(encodePathSegments(query.substring(0, q))).append('?');
        String[] params = query.substring(q + 1).split("&", -1);
        for (int i = 0; i < params.length; i++) {
            int eq = params[i].indexOf('=');
            if (i > 0) {
                out.append('&');
            }
            if (eq < 0) {
                out.append(URLEncoder.encode(params[i], StandardCharsets.UTF_8));
            } else {
                out.append(params[i], 0, eq + 1)
                        .append(URLEncoder.encode(params[i].substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    private static String encodePathSegments(String path) {
        String[] segments = path.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
