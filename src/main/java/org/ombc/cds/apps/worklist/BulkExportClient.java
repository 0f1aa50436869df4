package org.ombc.cds.apps.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.apps.worklist.ExportFailure.ExportException;
import org.ombc.cds.chart.fetch.AllowedServers;

/**
 * A FHIR Bulk Data export, client side (Bulk Data Access IG v2): system-level {@code $export} kick-off with
 * {@code Prefer: respond-async}, status polls that honour {@code Retry-After} until the manifest, then every
 * output file saved as {@code {type}-{n}.ndjson}. Every URL, the status and file URLs the server hands out
 * included, must be on the fallback's allow-list; answers are bounded in size; one deadline covers the export.
 */
public final class BulkExportClient {

    /**
     * How long and how much one export may take.
     *
     * @param requestTimeout   one request's wait for its answer ({@code ombc.fhir.timeout})
     * @param maxResponseBytes kick-off, status and manifest answers ({@code ombc.fhir.max-response-bytes})
     * @param maxFileBytes     one NDJSON file of the export
     * @param exportTimeout    the whole export: kick-off to the last file
     * @param maxRetryAfter    the longest wait between polls a server may ask for
     */
    public record Limits(
            Duration requestTimeout,
            long maxResponseBytes,
            long maxFileBytes,
            Duration exportTimeout,
            Duration maxRetryAfter) {}

    private static final String TYPES = String.join(",", BulkFiles.TYPES);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final AllowedServers allowed;
    private final Limits limits;
    private final Clock clock;
    private final Sleeper sleeper;

    /** Waits between polls; a test can make it instant. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public BulkExportClient(HttpClient http, AllowedServers allowed, Limits limits, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.allowed = allowed;
        this.limits = limits;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Exports the server's chart resources into {@code dir}.
     *
     * @param token a bearer token (SMART Backend Services), or null for an open server
     */
    public void export(String fhirServer, @Nullable String token, Path dir) throws ExportException {
        String base = fhirServer.endsWith("/") ? fhirServer.substring(0, fhirServer.length() - 1) : fhirServer;
        Instant deadline = clock.instant().plus(limits.exportTimeout());
        Answer kickOff = send(base + "/$export?_type=" + TYPES, token, deadline, Map.of("Prefer", "respond-async"));
        if (kickOff.statusCode() != 202) {
            throw new ExportException(
                    ExportFailure.REFUSED, "kick-off answered " + kickOff.statusCode() + diagnostics(kickOff));
        }
        String status = kickOff.headers()
                .firstValue("Content-Location")
                .orElseThrow(() ->
                        new ExportException(ExportFailure.NOT_BULK_DATA, "the kick-off's 202 has no Content-Location"));
        JsonNode manifest = poll(resolve(base, status), token, deadline);
        boolean needsToken = manifest.path("requiresAccessToken").asBoolean(false);
        int n = 0;
        for (JsonNode output : manifest.path("output")) {
            String type = output.path("type").asText("");
            String url = output.path("url").asText("");
            if (!BulkFiles.TYPES.contains(type) || url.isEmpty()) {
                continue;
            }
            n++;
            download(resolve(base, url), needsToken ? token : null, deadline, dir.resolve(type + "-" + n + ".ndjson"));
        }
    }

    private JsonNode poll(String statusUrl, @Nullable String token, Instant deadline) throws ExportException {
        while (true) {
            Answer status = send(statusUrl, token, deadline, Map.of());
            if (status.statusCode() == 200) {
                try {
                    JsonNode manifest = JSON.readTree(status.body());
                    if (manifest == null || !manifest.path("output").isArray()) {
                        throw new ExportException(ExportFailure.NOT_BULK_DATA, "the manifest has no output list");
                    }
                    return manifest;
                } catch (IOException e) {
                    throw new ExportException(ExportFailure.NOT_BULK_DATA, "the manifest is not JSON");
                }
            }
            if (status.statusCode() != 202) {
                throw new ExportException(
                        ExportFailure.FAILED, "the status answered " + status.statusCode() + diagnostics(status));
            }
            Duration wait =
                    retryAfter(status.headers().firstValue("Retry-After").orElse(null));
            if (clock.instant().plus(wait).isAfter(deadline)) {
                throw new ExportException(
                        ExportFailure.TIMEOUT,
                        "the export was not finished within " + limits.exportTimeout()
                                + " (ombc.worklist.export-timeout)");
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExportException(ExportFailure.TIMEOUT, "interrupted while waiting for the export");
            }
        }
    }

    /** Seconds (or an HTTP date) as the server asks, at least 1 s, at most {@code maxRetryAfter}. */
    Duration retryAfter(@Nullable String header) {
        Duration wait = Duration.ofSeconds(2);
        if (header != null) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(header.trim()));
            } catch (NumberFormatException e) {
                try {
                    wait = Duration.between(
                            clock.instant(),
                            java.time.ZonedDateTime.parse(
                                            header.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                                    .toInstant());
                } catch (java.time.format.DateTimeParseException unreadable) {
                    wait = Duration.ofSeconds(2);
                }
            }
        }
        if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return wait.compareTo(limits.maxRetryAfter()) > 0 ? limits.maxRetryAfter() : wait;
    }

    /** A kick-off or status answer: its status, headers and at most {@code maxResponseBytes} of body. */
    @SuppressWarnings("ArrayRecordComponent") // one answer handed from a call to its reader: never compared or hashed
    record Answer(int statusCode, java.net.http.HttpHeaders headers, byte[] body) {}

    private Answer send(String url, @Nullable String token, Instant deadline, Map<String, String> headers)
            throws ExportException {
        HttpResponse<InputStream> answer = exchange(url, token, deadline, headers, "application/fhir+json");
        try (InputStream in = answer.body()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxResponseBytes() + 1));
            if (body.length > limits.maxResponseBytes()) {
                throw new ExportException(
                        ExportFailure.TOO_LARGE,
                        "the answer of " + url + " is larger than " + limits.maxResponseBytes()
                                + " bytes (ombc.fhir.max-response-bytes)");
            }
            return new Answer(answer.statusCode(), answer.headers(), body);
        } catch (IOException e) {
            throw new ExportException(
                    ExportFailure.UNREACHABLE, url + ": " + e.getClass().getSimpleName());
        }
    }

    private void download(String url, @Nullable String token, Instant deadline, Path file) throws ExportException {
        HttpResponse<InputStream> answer = exchange(url, token, deadline, Map.of(), "application/fhir+ndjson");
        try (InputStream in = answer.body()) {
            if (answer.statusCode() != 200) {
                throw new ExportException(ExportFailure.FAILED, "a file download answered " + answer.statusCode());
            }
            long declared = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limits.maxFileBytes()) {
                throw tooLarge();
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    total += n;
                    if (total > limits.maxFileBytes()) {
                        throw tooLarge();
                    }
                    if (clock.instant().isAfter(deadline)) {
                        throw new ExportException(
                                ExportFailure.TIMEOUT,
                                "a file download did not finish within " + limits.exportTimeout()
                                        + " (ombc.worklist.export-timeout)");
                    }
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new ExportException(
                    ExportFailure.UNREACHABLE,
                    "a file download broke off: " + e.getClass().getSimpleName());
        }
    }

    private ExportException tooLarge() {
        return new ExportException(
                ExportFailure.TOO_LARGE,
                "a file is larger than " + limits.maxFileBytes() + " bytes (ombc.worklist.max-file-bytes)");
    }

    private HttpResponse<InputStream> exchange(
            String url, @Nullable String token, Instant deadline, Map<String, String> headers, String accept)
            throws ExportException {
        if (!allowed.allows(url)) {
            throw new ExportException(ExportFailure.NOT_ALLOWED, url);
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new ExportException(
                    ExportFailure.TIMEOUT,
                    "the export did not finish within " + limits.exportTimeout() + " (ombc.worklist.export-timeout)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .GET()
                .header("Accept", accept)
                .timeout(left.compareTo(limits.requestTimeout()) < 0 ? left : limits.requestTimeout());
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ExportException(
                    ExportFailure.TIMEOUT,
                    "no answer from " + url + " within " + limits.requestTimeout() + " (ombc.fhir.timeout)");
        } catch (IOException e) {
            throw new ExportException(
                    ExportFailure.UNREACHABLE, url + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException(ExportFailure.TIMEOUT, "interrupted");
        } catch (IllegalArgumentException e) {
            throw new ExportException(ExportFailure.NOT_ALLOWED, "not a usable URL: " + url);
        }
    }

    /** A relative status or file URL is resolved against the server's base. */
    private static String resolve(String base, String url) {
        return url.startsWith("http://") || url.startsWith("https://")
                ? url
                : base + (url.startsWith("/") ? "" : "/") + url;
    }

    /** An OperationOutcome's first diagnostics, shortened: the server's reason, in its words. */
    private static String diagnostics(Answer answer) {
        try {
            JsonNode outcome = JSON.readTree(new String(answer.body(), StandardCharsets.UTF_8));
            String text = outcome == null
                    ? ""
                    : outcome.path("issue").path(0).path("diagnostics").asText("");
            return text.isEmpty() ? "" : " (" + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
