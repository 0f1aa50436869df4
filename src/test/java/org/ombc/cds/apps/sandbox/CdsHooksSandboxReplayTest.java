package org.ombc.cds.apps.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.support.CardResponses.withoutUuids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.SandboxServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Replays what the public CDS Hooks sandbox sends (shared/tools/cds-hooks-sandbox): it runs our prefetch
 * templates against the FHIR server itself, sends the first page of each search only (our /fhir pages by 5),
 * with its {@code next} link, and {@code fhirServer} without {@code fhirAuthorization}. The service must read
 * the remaining pages and answer exactly as for the whole chart (issue 12: it used to answer with no card).
 */
@SandboxServerTest
class CdsHooksSandboxReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private String base() {
        return "http://localhost:" + port;
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode get(String url) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json, application/json"));
    }

    private JsonNode hook(ObjectNode request) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + "/cds-services/ombc-patient-view"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))));
    }

    /** The sandbox's prefetch: each template filled in and run, the first page kept as it came. */
    private ObjectNode firstPages(String patientId) throws Exception {
        ObjectNode prefetch = JSON.createObjectNode();
        JsonNode templates = get(base() + "/cds-services").at("/services/0/prefetch");
        for (Map.Entry<String, JsonNode> template : (Iterable<Map.Entry<String, JsonNode>>) templates::fields) {
            String query = template.getValue().asText().replace("{{context.patientId}}", patientId);
            int q = query.indexOf('?');
            String url = base() + "/fhir/"
                    + (q < 0 ? query : query.substring(0, q + 1) + encodeValues(query.substring(q + 1)));
            prefetch.set(template.getKey(), get(url));
        }
        return prefetch;
    }

    private static String encodeValues(String params) {
        List<String> out = new ArrayList<>();
        for (String param : params.split("&", -1)) {
            int eq = param.indexOf('=');
            out.add(param.substring(0, eq + 1) + URLEncoder.encode(param.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return String.join("&", out);
    }

    private static boolean hasNext(JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void firstPagesWithFhirServerAndNoAuthorizationGiveTheCardsOfTheWholeChart() throws Exception {
        int paged = 0;
        for (DemoPatient demo : VignetteCatalogue.cases()) {
            ObjectNode sandboxLike = JSON.createObjectNode();
            sandboxLike.put("hook", "patient-view");
            sandboxLike.put("hookInstance", UUID.randomUUID().toString());
            sandboxLike.put("fhirServer", base() + "/fhir");
            sandboxLike.putObject("context").put("patientId", demo.id()).put("userId", "Practitioner/sandbox");
            ObjectNode prefetch = firstPages(demo.id());
            sandboxLike.set("prefetch", prefetch);
            boolean anyNext = false;
            for (JsonNode value : prefetch) {
                anyNext |= hasNext(value);
            }
            paged += anyNext ? 1 : 0;

            ObjectNode whole = sandboxLike.deepCopy();
            whole.remove("fhirServer");
            whole.put("hookInstance", UUID.randomUUID().toString());
            whole.set("prefetch", get(base() + "/sandbox/patients/" + demo.id() + "/prefetch"));

            assertThat(withoutUuids(hook(sandboxLike))).as(demo.id()).isEqualTo(withoutUuids(hook(whole)));
        }
        assertThat(paged)
                .as("demo patients whose first page is not the whole search")
                .isGreaterThanOrEqualTo(3);
    }
}
