package org.ombc.cds.apps.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.apps.worklist.ExportFailure.ExportException;
import org.ombc.cds.audit.AdminAccess;
import org.ombc.cds.audit.AuditProperties;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.AllowedServers;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.privacy.Hashes;
import org.ombc.cds.settings.OmbcProperties;
import org.ombc.cds.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ombc/worklist} (admin token), body {@code {"fhirServer": "https://ehr/fhir"}}: a Bulk Data export
 * of that server, then the worklist over it, as CSV or (Accept: text/html) the coordinator's page. The request
 * waits for the run: meant for a nightly job or a hospital-sized population; a region's runs the command line.
 */
@RestController
public class WorklistController {

    private static final Logger log = LoggerFactory.getLogger(WorklistController.class);

    /** Progress lines are for the command line; the server logs one line per run. */
    private static final java.io.PrintStream QUIET = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

    private final AdminAccess admin;
    private final AllowedServers allowed;
    private final BulkExportClient exports;
    private final FhirJson fhir;
    private final ChartAssessment pipeline;
    private final @Nullable BackendServicesToken tokens;

    public WorklistController(
            AuditProperties audit,
            AllowedServers allowedFhirServers,
            java.net.http.HttpClient fhirHttpClient,
            OmbcProperties ombc,
            WorklistProperties properties,
            Clock clock,
            FhirJson fhir,
            ChartAssessment pipeline) {
        this.admin = new AdminAccess(audit);
        this.allowed = allowedFhirServers;
        this.exports = new BulkExportClient(
                fhirHttpClient,
                allowedFhirServers,
                new BulkExportClient.Limits(
                        ombc.fhir().timeout(),
                        ombc.fhir().maxResponseBytes().toBytes(),
                        properties.maxFileBytes().toBytes(),
                        properties.exportTimeout(),
                        properties.maxRetryAfter()),
                clock,
                d -> Thread.sleep(d.toMillis()));
        this.fhir = fhir;
        this.pipeline = pipeline;
        this.tokens = tokens(
                properties, fhirHttpClient, allowedFhirServers, ombc.fhir().timeout(), clock);
    }

    /** SMART Backend Services when a client id and its key are configured; a key that cannot be read stops the start. */
    private static @Nullable BackendServicesToken tokens(
            WorklistProperties properties,
            java.net.http.HttpClient http,
            AllowedServers allowed,
            Duration timeout,
            Clock clock) {
        if (properties.clientId() == null || properties.clientId().isBlank()) {
            return null;
        }
        Path keyFile = properties.privateKeyFile();
        if (keyFile == null) {
            throw new IllegalStateException("ombc.worklist.client-id is set but ombc.worklist.private-key-file is not");
        }
        try {
            return new BackendServicesToken(
                    http,
                    allowed,
                    properties.clientId(),
                    BackendServicesToken.readKey(Files.readString(keyFile)),
                    properties.scope(),
                    timeout,
                    clock);
        } catch (IOException e) {
            throw new IllegalStateException("ombc.worklist.private-key-file cannot be read: " + keyFile, e);
        }
    }

    @PostMapping(
            path = "/ombc/worklist",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {"text/csv", MediaType.TEXT_HTML_VALUE})
    public ResponseEntity<String> worklist(
            @RequestBody JsonNode body,
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "Accept", required = false) @Nullable String accept,
            HttpServletRequest request) {
        admin.require(authorization, request);
        JsonNode server = body.get("fhirServer");
        if (server == null || !server.isTextual() || server.asText().isBlank()) {
            throw ApiProblem.badRequest("The body must name the FHIR server: {\"fhirServer\": \"https://...\"}.");
        }
        String fhirServer = server.asText().endsWith("/")
                ? server.asText().substring(0, server.asText().length() - 1)
                : server.asText();
        if (!allowed.allows(fhirServer)) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    ExportFailure.NOT_ALLOWED.code(),
                    "This FHIR server is not in ombc.fhir.allowed-servers.");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ombc-export-");
            exports.export(fhirServer, tokens == null ? null : tokens.token(fhirServer), dir);
            StringWriter csv = new StringWriter();
            WorklistCsv writer = new WorklistCsv(csv);
            List<WorklistRow> candidates = new ArrayList<>();
            WorklistRun.Summary summary = new WorklistRun(fhir, pipeline, QUIET, Duration.ofSeconds(10))
                    .run(dir, fhirServer, row -> {
                        writer.write(row);
                        if (row.candidate()) {
                            candidates.add(row);
                        }
                    });
            log.info(
                    "worklist of server {}: {} patients, {} candidates, {} s",
                    Hashes.shortHash(fhirServer),
                    summary.patients(),
                    summary.candidates(),
                    Math.round(summary.seconds()));
            if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
                return ResponseEntity.ok()
                        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                        .body(WorklistPage.html(fhirServer, candidates, summary));
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .body(csv.toString());
        } catch (ExportException e) {
            log.info(
                    "worklist export of server {} failed: {}",
                    Hashes.shortHash(fhirServer),
                    e.failure().code());
            throw new ApiProblem(
                    HttpStatus.valueOf(e.failure().status()),
                    e.failure().code(),
                    java.util.Objects.requireNonNullElse(
                            e.getMessage(), e.failure().code()),
                    Map.of());
        } catch (WorklistRun.UnusableInputException e) {
            throw new ApiProblem(
                    HttpStatus.BAD_GATEWAY,
                    ExportFailure.NOT_BULK_DATA.code(),
                    "The export holds no Patient file: " + ExportFailure.NOT_BULK_DATA.description() + ".",
                    Map.of());
        } catch (IOException e) {
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "storage-unavailable",
                    "The export could not be written to temporary files.",
                    Map.of());
        } finally {
            removeQuietly(dir);
        }
    }

    private static void removeQuietly(@Nullable Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.warn(
                    "worklist: temporary export folder not removed: {}",
                    e.getClass().getSimpleName());
        }
    }
}
