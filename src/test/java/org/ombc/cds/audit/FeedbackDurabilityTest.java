package org.ombc.cds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.OmbcCdsApplication;
import org.ombc.cds.support.HookRequests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A clinician's feedback is still there after the service restarts: the real application on a real port, with an
 * embedded H2 file database and, when {@code OMBC_TEST_POSTGRES_URL} is set, PostgreSQL with the same migrations.
 */
class FeedbackDurabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void feedbackSurvivesARestartOnH2(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ombc").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        feedbackSurvivesARestart(List.of("--spring.datasource.url=" + url));
    }

    @Test
    void feedbackSurvivesARestartOnPostgresql() throws Exception {
        String base = System.getenv("OMBC_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(base != null && !base.isBlank(),
                "OMBC_TEST_POSTGRES_URL is not set: the PostgreSQL storage test is skipped, not passed");
        String schema = "ombc_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = System.getenv().getOrDefault("OMBC_TEST_POSTGRES_USER", "postgres");
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            feedbackSurvivesARestart(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + System.getenv().getOrDefault("OMBC_TEST_POSTGRES_PASSWORD", ""),
                    "--spring.flyway.default-schema=" + schema, "--spring.flyway.create-schemas=true"));
        } finally {
            try (Connection c = DriverManager.getConnection(base, user,
                    System.getenv().getOrDefault("OMBC_TEST_POSTGRES_PASSWORD", ""))) {
                c.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private void feedbackSurvivesARestart(List<String> database) throws Exception {
        String cardUuid;
        try (ConfigurableApplicationContext app = start(database)) {
            String base = baseUrl(app);
            ObjectNode request = HookRequests.load("ombc-candidate");
            request.put("hookInstance", UUID.randomUUID().toString());
            JsonNode card = JSON.readTree(post(base + "/cds-services/ombc-patient-view", HookRequests.text(request), 200))
                    .at("/cards/0");
            cardUuid = card.get("uuid").asText();
            String feedback = "{\"feedback\":[{\"card\":\"" + cardUuid + "\",\"outcome\":\"overridden\",\"overrideReason\":"
                    + "{\"reason\":{\"system\":\"http://ombc-cds.org/fhir/CodeSystem/ombc\",\"code\":\"discussed-at-tumour-board\","
                    + "\"display\":\"Already discussed at tumour board\"},\"userComment\":\"MDT 2026-11-20\"},"
                    + "\"outcomeTimestamp\":\"2026-11-26T10:15:00Z\"}]}";
            post(base + "/cds-services/ombc-patient-view/feedback", feedback, 200);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    get(base + "/ombc/feedback/summary").contains("\"cardsShown\":1"));
        }
        try (ConfigurableApplicationContext app = start(database)) {
            String base = baseUrl(app);
            String list = get(base + "/ombc/feedback");
            assertThat(list).contains(cardUuid, "discussed-at-tumour-board", "MDT 2026-11-20", "2026-11-26T10:15:00Z");
            JsonNode summary = JSON.readTree(get(base + "/ombc/feedback/summary")).get("recommendations");
            List<String> codes = new ArrayList<>();
            summary.forEach(r -> codes.add(r.get("recommendation").asText()));
            assertThat(codes).containsExactly("clinical-trial", "mdt-discussion", "sabr");
            assertThat(summary.get(2).get("overridden").asLong()).isEqualTo(1);
            assertThat(summary.get(2).at("/overrideReasons/discussed-at-tumour-board").asLong()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(List<String> database) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        args.addAll(database);
        return new SpringApplicationBuilder(OmbcCdsApplication.class).profiles("sandbox").run(args.toArray(String[]::new));
    }

    private static String baseUrl(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private String post(String url, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body();
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
