package org.ombc.cds.apps.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A FHIR server's SMART configuration ({@code {iss}/.well-known/smart-configuration}, SMART App Launch 2.0): where
 * to send the user to authorise, where to exchange the code, and whether it speaks v2 scopes.
 */
record SmartServerMetadata(
        String authorizationEndpoint,
        String tokenEndpoint,
        List<String> capabilities,
        List<String> codeChallengeMethods) {

    /** v2 scopes ({@code .rs}) when the server says it supports them; older servers get the v1 {@code .read}. */
    boolean speaksV2Scopes() {
        return capabilities.contains("permission-v2");
    }

    /** Fetches the configuration; empty when the server publishes none (an open server, or not SMART at all). */
    static Optional<SmartServerMetadata> discover(HttpClient http, ObjectMapper json, String iss, Duration timeout)
            throws IOException, InterruptedException {
        URI uri = URI.create(stripSlash(iss) + "/.well-known/smart-configuration");
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length > 256 * 1024) {
            return Optional.empty();
        }
        JsonNode body = json.readTree(response.body());
        String authorize = body.path("authorization_endpoint").asText("");
        String token = body.path("token_endpoint").asText("");
        if (!isHttpUrl(authorize) || !isHttpUrl(token)) {
            return Optional.empty();
        }
        return Optional.of(new SmartServerMetadata(
                authorize,
                token,
                texts(body.path("capabilities")),
                texts(body.path("code_challenge_methods_supported"))));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
