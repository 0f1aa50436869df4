package org.ombc.cds.apps.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.support.CardResponses.withoutUuids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.support.SandboxServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sandbox's FHIR endpoint, and the hook reading it through the fallback exactly as it reads a prefetch. */
@SandboxServerTest
class SandboxFhirEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private String base() {
        return "http://localhost:" + port;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Accept", "application/fhir+json, application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode post(String path, JsonNode body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /**
     * The public CDS Hooks sandbox registers each SMART link of a card at {@code POST {fhirServer}/_services/smart/Launch}
     * ({@code launchUrl}, {@code parameters.patient}) and opens {@code launchUrl?launch=<launch_id>&iss=<fhirServer>}
     * only when a {@code launch_id} comes back (its launch-context-retrieval.js): without it the tumour-board button
     * stays disabled. The launch opens that patient's tumour-board view.
     */
    @Test
    void theSandboxLaunchRegistrationGivesALaunchIdThatOpensTheTumourBoardView() throws Exception {
        ObjectNode registration = JSON.createObjectNode().put("launchUrl", base() + "/smart/launch");
        registration
                .putObject("parameters")
                .put("patient", "demo-liver-rfa")
                .put("smart_messaging_origin", "http://127.0.0.1:8090");
        JsonNode answer = post("/fhir/_services/smart/Launch", registration);
        String launch = answer.path("launch_id").asText();
        assertThat(launch).isNotBlank();

        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(
                                URI.create(base() + "/smart/launch?launch=" + launch + "&iss=" + base() + "/fhir"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Tumour-board view", "Options");
    }

    @Test
    void aLaunchRegistrationForAnUnknownPatientOrWithoutOneIs400() throws Exception {
        for (String body : new String[] {
            "{\"launchUrl\":\"x\",\"parameters\":{\"patient\":\"no-such-patient\"}}",
            "{\"launchUrl\":\"x\"}",
            "not json"
        }) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/fhir/_services/smart/Launch"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("detail").asText())
                    .as(body)
                    .contains("patient");
        }
        HttpResponse<String> unknownLaunch = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        base() + "/smart/launch?launch=never-registered&iss=" + base() + "/fhir"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(unknownLaunch.statusCode()).isEqualTo(400);
    }

    @Test
    void metadataReadAndSearchWork() throws Exception {
        assertThat(get("/fhir/metadata").get("resourceType").asText()).isEqualTo("CapabilityStatement");
        assertThat(get("/fhir/Patient/demo-liver-rfa").at("/name/0/family").asText())
                .endsWith("-Demo");
        JsonNode conditions = get("/fhir/Condition?patient=demo-liver-rfa");
        assertThat(conditions.get("total").asInt()).isEqualTo(2);
        JsonNode observations = get("/fhir/Observation?patient=demo-liver-rfa&code=http://loinc.org%7C16112-5");
        assertThat(observations.get("entry")).hasSize(1);
        JsonNode reports = get("/fhir/DiagnosticReport?patient=demo-liver-rfa&category="
                + "http://terminology.hl7.org/CodeSystem/v2-0074%7CRAD");
        assertThat(reports.get("entry")).hasSize(1);
    }

    /** An empty patient parameter is the client's mistake: 400 with an OperationOutcome, not a 500 (outside review). */
    @Test
    void aSearchWithAnEmptyPatientIs400() throws Exception {
        for (String search : new String[] {"/fhir/Observation?patient=", "/fhir/Condition?patient=Patient/"}) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base() + search)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(search).isEqualTo(400);
            assertThat(response.body())
                    .contains("OperationOutcome")
                    .contains("patient id")
                    .doesNotContain("NullPointerException");
        }
    }

    @Test
    void searchesArePaged() throws Exception {
        JsonNode first = get("/fhir/Condition?patient=demo-induced-persistence");
        assertThat(first.get("total").asInt()).isEqualTo(8);
        assertThat(first.get("entry")).hasSize(SandboxFhirServer.PAGE_SIZE);
        String next = null;
        for (JsonNode link : first.get("link")) {
            if (link.get("relation").asText().equals("next")) {
                next = link.get("url").asText();
            }
        }
        assertThat(next).isNotNull();
        assertThat(get(next.substring(base().length())).get("entry")).hasSize(3);
    }

    static Stream<String> demoIds() {
        return VignetteCatalogue.cases().stream().map(DemoPatient::id);
    }

    @ParameterizedTest
    @MethodSource("demoIds")
    void theFallbackGivesTheSameCardsAsThePrefetch(String patientId) throws Exception {
        ObjectNode request = JSON.createObjectNode();
        request.put("hook", "patient-view");
        request.putObject("context").put("patientId", patientId).put("userId", "Practitioner/test");
        ObjectNode withPrefetch = request.deepCopy();
        withPrefetch.put("hookInstance", UUID.randomUUID().toString());
        withPrefetch.set("prefetch", get("/sandbox/patients/" + patientId + "/prefetch"));
        ObjectNode withFallback = request.deepCopy();
        withFallback.put("hookInstance", UUID.randomUUID().toString());
        withFallback.put("fhirServer", base() + "/fhir");
        withFallback
                .putObject("fhirAuthorization")
                .put("access_token", "sandbox-" + patientId)
                .put("token_type", "Bearer");
        assertThat(withoutUuids(post("/cds-services/ombc-patient-view", withFallback)))
                .isEqualTo(withoutUuids(post("/cds-services/ombc-patient-view", withPrefetch)));
    }
}
