package org.ombc.cds.apps.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.DemoPatient;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.sandbox.VignetteCatalogue;
import org.ombc.cds.support.SandboxServerTest;
import org.ombc.cds.support.Vignettes;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole flow on one machine: {@code POST /ombc/worklist} runs a Bulk Data export of the sandbox's own
 * {@code /fhir} (kick-off, a 202 poll with Retry-After, the manifest, the NDJSON files), then the worklist; each
 * demo patient's row equals what {@code POST /ombc/assessment} answers for her chart.
 */
@SandboxServerTest
class WorklistExportHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> post(String path, String contentType, String accept, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", contentType)
                        .header("Accept", accept)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> parseCsvLine(String line) {
        // The fields of these rows hold no comma or quote (codes, ids, numbers): a plain split suffices here.
        return Arrays.asList(line.split(",", -1));
    }

    @Test
    void theWorklistOfTheSandboxEqualsTheAssessmentOfEachChartRowByRow() throws Exception {
        HttpResponse<String> response =
                post("/ombc/worklist", "application/json", "text/csv", "{\"fhirServer\":\"" + base() + "/fhir\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = new java.io.BufferedReader(new StringReader(response.body()))
                .lines()
                .toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", WorklistCsv.HEADER));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.put(line.substring(0, line.indexOf(',')), parseCsvLine(line));
        }

        List<DemoPatient> demos = VignetteCatalogue.cases();
        assertThat(rows.keySet())
                .containsAll(demos.stream().map(DemoPatient::id).toList());
        int candidates = 0;
        for (DemoPatient demo : demos) {
            HttpResponse<String> api = post(
                    "/ombc/assessment",
                    "application/fhir+json",
                    "application/json",
                    Vignettes.FHIR.encode(PatientBundle.bundleOf(new ArrayList<Resource>(demo.resources()))));
            assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
            JsonNode expected = JSON.readTree(api.body());
            WorklistRow asRow =
                    new WorklistRow(demo.id(), JSON.treeToValue(expected, org.ombc.cds.cards.AssessmentJson.class), 0);
            List<String> expectedFields = new ArrayList<>(WorklistCsv.fields(asRow));
            List<String> actual = new ArrayList<>(rows.get(demo.id()));
            // dataProblems (the last column) is what the card's data-quality note counts; the API does not carry it.
            expectedFields.remove(expectedFields.size() - 1);
            actual.remove(actual.size() - 1);
            assertThat(actual).as(demo.id()).isEqualTo(expectedFields);
            candidates += "yes".equals(expected.path("oligometastatic").asText()) ? 1 : 0;
        }
        assertThat(candidates).as("the demo set has candidates").isPositive();

        HttpResponse<String> page =
                post("/ombc/worklist", "application/json", "text/html", "{\"fhirServer\":\"" + base() + "/fhir\"}");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Oligometastatic candidates")
                .contains("/smart/launch?iss="
                        + java.net.URLEncoder.encode(base() + "/fhir", java.nio.charset.StandardCharsets.UTF_8)
                        + "&amp;patient=");
        long candidateRows =
                rows.values().stream().filter(r -> "yes".equals(r.get(1))).count();
        assertThat(page.body().split("<tr><td><a ", -1)).hasSize((int) candidateRows + 1);
    }

    @Test
    void aServerOffTheAllowListOrAMissingServerIs400AndARefusedKickOffIs502() throws Exception {
        HttpResponse<String> off = post(
                "/ombc/worklist", "application/json", "text/csv", "{\"fhirServer\":\"https://ehr.example.org/fhir\"}");
        assertThat(off.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(off.body()).path("error").asText()).isEqualTo("not-allowed");

        HttpResponse<String> none = post("/ombc/worklist", "application/json", "text/csv", "{}");
        assertThat(none.statusCode()).isEqualTo(400);

        // The sandbox's /fhir answers a kick-off under an unknown path with 404: the export is refused.
        HttpResponse<String> refused = post(
                "/ombc/worklist", "application/json", "text/csv", "{\"fhirServer\":\"" + base() + "/fhir/Nothing\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("export-refused");
    }

    @Test
    void theSandboxExportNeedsRespondAsyncAndKnowsOnlyItsOwnJobs() throws Exception {
        HttpResponse<String> sync = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/fhir/$export")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sync.statusCode()).isEqualTo(400);
        assertThat(sync.body()).contains("OperationOutcome").contains("respond-async");

        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(URI.create(
                                base() + "/fhir/$export-poll-status?_jobId=00000000-0000-0000-0000-000000000000"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);

        HttpResponse<String> kickOff = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/fhir/Patient/$export"))
                        .header("Prefer", "respond-async")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(kickOff.statusCode()).isEqualTo(202);
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
        HttpResponse<String> first =
                http.send(HttpRequest.newBuilder(URI.create(status)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
        HttpResponse<String> done =
                http.send(HttpRequest.newBuilder(URI.create(status)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode manifest = JSON.readTree(done.body());
        assertThat(manifest.path("output")).hasSize(7);
        String patients = manifest.path("output").get(0).path("url").asText();
        HttpResponse<String> file =
                http.send(HttpRequest.newBuilder(URI.create(patients)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
        assertThat(file.body().lines().count())
                .isEqualTo(VignetteCatalogue.cases().size()
                        + file.body()
                                .lines()
                                .filter(l -> !l.contains("\"id\":\"demo-"))
                                .count());
    }
}
