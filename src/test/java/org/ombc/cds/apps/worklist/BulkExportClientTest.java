package org.ombc.cds.apps.worklist;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.apps.worklist.ExportFailure.ExportException;
import org.ombc.cds.chart.fetch.AllowedServers;

/** The Bulk Data client against a scripted server: the polls, and each way an export fails, as a clear error. */
class BulkExportClientTest {

    @TempDir
    @SuppressWarnings("NullAway.Init")
    Path dir;

    @SuppressWarnings("NullAway.Init")
    private WireMockServer ehr;

    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() {
        ehr = new WireMockServer(options().dynamicPort());
        ehr.start();
    }

    @AfterEach
    void stop() {
        ehr.stop();
    }

    private String base() {
        return "http://localhost:" + ehr.port() + "/fhir";
    }

    private BulkExportClient client(long maxFileBytes, Duration requestTimeout) {
        return new BulkExportClient(
                HttpClient.newHttpClient(),
                new AllowedServers(List.of(base())),
                new BulkExportClient.Limits(
                        requestTimeout, 100_000, maxFileBytes, Duration.ofMinutes(1), Duration.ofSeconds(30)),
                Clock.systemUTC(),
                waits::add);
    }

    private void kickOffAccepted() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/$export"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Location", base() + "/status/1")));
    }

    private void manifest(String fileUrl) {
        ehr.stubFor(get(urlPathEqualTo("/fhir/status/1"))
                .inScenario("poll")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(202).withHeader("Retry-After", "7"))
                .willSetStateTo("done"));
        ehr.stubFor(get(urlPathEqualTo("/fhir/status/1"))
                .inScenario("poll")
                .whenScenarioStateIs("done")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"transactionTime\":\"2026-12-07T00:00:00Z\",\"requiresAccessToken\":false,"
                                + "\"output\":[{\"type\":\"Patient\",\"url\":\"" + fileUrl + "\"},"
                                + "{\"type\":\"Practitioner\",\"url\":\"" + base() + "/files/pr\"}],\"error\":[]}")));
    }

    @Test
    void pollsAsToldByRetryAfterThenSavesEachFileOfAChartType() throws Exception {
        kickOffAccepted();
        manifest(base() + "/files/p");
        ehr.stubFor(get(urlPathEqualTo("/fhir/files/p"))
                .willReturn(aResponse().withStatus(200).withBody("{\"resourceType\":\"Patient\",\"id\":\"a\"}\n")));

        client(1000, Duration.ofSeconds(5)).export(base(), null, dir);

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(Files.readString(dir.resolve("Patient-1.ndjson"))).contains("\"id\":\"a\"");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("Practitioner is not part of a chart").hasSize(1);
        }
    }

    @Test
    void aRefusedKickOffIsExportRefusedWithTheServersReason() {
        ehr.stubFor(
                get(urlPathEqualTo("/fhir/$export"))
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withBody(
                                                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"system export disabled\"}]}")));
        assertThatThrownBy(() -> client(1000, Duration.ofSeconds(5)).export(base(), null, dir))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.failure()).isEqualTo(ExportFailure.REFUSED))
                .hasMessageContaining("403")
                .hasMessageContaining("system export disabled");
    }

    @Test
    void anErrorStatusWhilePollingIsExportFailed() {
        kickOffAccepted();
        ehr.stubFor(get(urlPathEqualTo("/fhir/status/1")).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> client(1000, Duration.ofSeconds(5)).export(base(), null, dir))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.failure()).isEqualTo(ExportFailure.FAILED))
                .hasMessageContaining("500");
    }

    @Test
    void aFileLargerThanTheLimitIsTooLarge() {
        kickOffAccepted();
        manifest(base() + "/files/p");
        ehr.stubFor(get(urlPathEqualTo("/fhir/files/p"))
                .willReturn(aResponse().withStatus(200).withBody("x".repeat(5000))));
        assertThatThrownBy(() -> client(1000, Duration.ofSeconds(5)).export(base(), null, dir))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.failure()).isEqualTo(ExportFailure.TOO_LARGE))
                .hasMessageContaining("ombc.worklist.max-file-bytes");
    }

    @Test
    void aServerSlowerThanTheDeadlineIsATimeout() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/$export"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Location", base() + "/status/1")
                        .withFixedDelay(3000)));
        assertThatThrownBy(() -> client(1000, Duration.ofMillis(500)).export(base(), null, dir))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.failure()).isEqualTo(ExportFailure.TIMEOUT))
                .hasMessageContaining("ombc.fhir.timeout");
    }

    @Test
    void aStatusOrFileUrlOffTheAllowListIsNotCalled() {
        ehr.stubFor(get(urlPathEqualTo("/fhir/$export"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Location", "http://169.254.169.254/latest/meta-data")));
        assertThatThrownBy(() -> client(1000, Duration.ofSeconds(5)).export(base(), null, dir))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.failure()).isEqualTo(ExportFailure.NOT_ALLOWED));
    }

    @Test
    void retryAfterIsBoundedBothWays() {
        BulkExportClient client = client(1000, Duration.ofSeconds(5));
        assertThat(client.retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(client.retryAfter("86400")).isEqualTo(Duration.ofSeconds(30));
        assertThat(client.retryAfter("soon")).isEqualTo(Duration.ofSeconds(2));
        assertThat(client.retryAfter(null)).isEqualTo(Duration.ofSeconds(2));
    }
}
