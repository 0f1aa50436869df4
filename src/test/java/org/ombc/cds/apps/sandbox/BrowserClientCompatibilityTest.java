package org.ombc.cds.apps.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.SandboxServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the public CDS Hooks sandbox (a browser app on another origin) does against a running service: reads /fhir
 * after a CORS preflight, and sends feedback as it builds it, with an override reason it added itself or with no
 * reason at all.
 */
@SandboxServerTest
class BrowserClientCompatibilityTest {

    private static final String ORIGIN = "https://sandbox.cds-hooks.org";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Origin", ORIGIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The governance API is read by the service's own page: same origin, no Origin header. */
    private HttpResponse<String> sendSameOrigin(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void theFhirEndpointAnswersAPreflightAndCarriesCorsHeaders() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/fhir/Patient/demo-liver-rfa"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, accept"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(ORIGIN);
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Methods")
                        .orElse(""))
                .contains("GET");
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse("")
                        .toLowerCase(java.util.Locale.ROOT))
                .contains("authorization");

        HttpResponse<String> read = send(
                HttpRequest.newBuilder(uri("/fhir/Patient/demo-liver-rfa")).header("Accept", "application/fhir+json"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);

        HttpResponse<String> feedbackPreflight =
                send(HttpRequest.newBuilder(uri("/cds-services/ombc-patient-view/feedback"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type, authorization"));
        assertThat(feedbackPreflight.statusCode()).isEqualTo(200);
        assertThat(feedbackPreflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(ORIGIN);
    }

    @Test
    void feedbackAsTheSandboxSendsItIsStoredAndCounted() throws Exception {
        String augmented = issueCard();
        String dismissed = issueCard();
        // A reason the client added (its own code system, no display), and a plain dismissal without any reason.
        String body = """
                {"feedback": [
                  {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-27T08:00:00.000Z",
                   "overrideReason": {"reason": {"system": "https://sandbox.cds-hooks.org/override-reasons",
                                                 "code": "not-relevant"},
                                      "userComment": "Seen in clinic today"}},
                  {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-27T08:00:01.000Z"}
                ]}""".formatted(augmented, dismissed);
        HttpResponse<String> stored = send(HttpRequest.newBuilder(uri("/cds-services/ombc-patient-view/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(JSON.readTree(stored.body()).get("stored").asInt()).isEqualTo(2);

        JsonNode list = JSON.readTree(sendSameOrigin(HttpRequest.newBuilder(uri("/ombc/feedback")))
                        .body())
                .get("feedback");
        JsonNode item = null;
        for (JsonNode f : list) {
            if (f.get("card").asText().equals(augmented)) {
                item = f;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.at("/overrideReason/system").asText())
                .isEqualTo("https://sandbox.cds-hooks.org/override-reasons");
        assertThat(item.at("/overrideReason/code").asText()).isEqualTo("not-relevant");
        assertThat(item.at("/overrideReason/display").isTextual())
                .as("a missing display is null, not \"null\"")
                .isFalse();

        // The audit is written in the background: the cards are counted once their rows are in.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode summary = JSON.readTree(sendSameOrigin(HttpRequest.newBuilder(uri("/ombc/feedback/summary")))
                    .body());
            JsonNode sabr = null;
            for (JsonNode row : summary.get("recommendations")) {
                if (row.get("recommendation").asText().equals("sabr")) {
                    sabr = row;
                }
            }
            assertThat(sabr).isNotNull();
            assertThat(sabr.at("/overrideReasons/dismissed-no-reason").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(sabr.at("/overrideReasons").has("https://sandbox.cds-hooks.org/override-reasons|not-relevant"))
                    .isTrue();
        });
    }

    private String issueCard() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.put("hookInstance", UUID.randomUUID().toString());
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/cds-services/ombc-patient-view"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HookRequests.text(request))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        return JSON.readTree(response.body()).at("/cards/0/uuid").asText();
    }
}
