package org.ombc.cds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.support.ClasspathApp;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.StoreArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clinician's feedback answered 200 is never lost, even when the service is killed the moment after: the real
 * application as a process, {@code kill -9} immediately after each acknowledged feedback, ten times, on the
 * embedded default database (no datasource URL given: {@code ./data/ombc} in a temporary working directory), on
 * SQLite (WAL, {@code synchronous=FULL}) and,
 * when {@code OMBC_TEST_POSTGRES_URL} is set, on PostgreSQL in a fresh schema. Every item is found after restart.
 */
class FeedbackDurabilityTest {

    static final int KILLS = StoreArguments.KILLS;
    private static final Logger log = LoggerFactory.getLogger(FeedbackDurabilityTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAcknowledgedFeedbackSurvivesKill9OnTheEmbeddedDefaultSqlite(@TempDir Path dir) throws Exception {
        survivesKill9(dir, StoreArguments.EMBEDDED_DEFAULT);
    }

    @Test
    void everyAcknowledgedFeedbackSurvivesKill9OnH2(@TempDir Path dir) throws Exception {
        survivesKill9(dir, StoreArguments.H2);
    }

    @Test
    void everyAcknowledgedFeedbackSurvivesKill9OnPostgresql(@TempDir Path dir) throws Exception {
        StoreArguments.onFreshPostgresSchema(database -> survivesKill9(dir, database));
    }

    /**
     * Feedback sent the moment after its card was issued, then {@code kill -9}: after the restart the feedback is
     * there and so is the card it is about (its audit row, and so its full-evidence link). The card's audit row was
     * still queued when the feedback arrived; feedback waits for it before its own durable commit. Before that, 3
     * of 6 such items pointed at no card after the restart (an outside review). As many kills as the other tests
     * ({@code -Dombc.test.kills}).
     */
    @Test
    void feedbackOnAFreshCardKeepsItsCardAfterKill9(@TempDir Path dir) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            try (ClasspathApp app = ClasspathApp.start(dir, List.of(), args(List.of()))) {
                // The card-link key is read in the background at start: wait until the card carries its link.
                JsonNode card = awaitCardWithLink(app);
                String answer = post(
                        app.baseUrl() + "/cds-services/ombc-patient-view/feedback",
                        feedback(card.get("uuid").asText()));
                assertThat(answer).contains("\"stored\":1");
                app.kill();
                acknowledged.add(card.get("uuid").asText());
                URI link = URI.create(card.at("/links/0/url").asText());
                links.add(link.getRawPath() + "?" + link.getRawQuery());
            }
        }
        try (ClasspathApp app = ClasspathApp.start(dir, List.of(), args(List.of()))) {
            assertThat(storedCards(app)).containsExactlyInAnyOrderElementsOf(acknowledged);
            for (String link : links) {
                HttpResponse<String> page = http.send(
                        HttpRequest.newBuilder(URI.create(app.baseUrl() + link))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode())
                        .as("the card of acknowledged feedback, after kill -9: " + link)
                        .isEqualTo(200);
            }
        }
    }

    private JsonNode awaitCardWithLink(ClasspathApp app) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            ObjectNode request = HookRequests.load("ombc-candidate");
                            request.put("hookInstance", UUID.randomUUID().toString());
                            return JSON.readTree(post(
                                            app.baseUrl() + "/cds-services/ombc-patient-view",
                                            HookRequests.text(request)))
                                    .at("/cards/0");
                        },
                        card -> card.at("/links/0/url").asText().contains("/ombc/cards/"));
    }

    /**
     * The first process issues the cards and stops gracefully (its audit rows, the issued cards, are drained to the
     * database). Then, per card: start, check every earlier item is there, post the feedback, and kill -9 as soon
     * as the 200 arrives. A last start finds all ten.
     */
    private void survivesKill9(Path dir, List<String> database) throws Exception {
        long started = System.nanoTime();
        List<String> cards = new ArrayList<>();
        try (ClasspathApp app = ClasspathApp.start(dir, List.of(), args(database))) {
            for (int i = 0; i < KILLS; i++) {
                ObjectNode request = HookRequests.load("ombc-candidate");
                request.put("hookInstance", UUID.randomUUID().toString());
                JsonNode response = JSON.readTree(
                        post(app.baseUrl() + "/cds-services/ombc-patient-view", HookRequests.text(request)));
                cards.add(response.at("/cards/0/uuid").asText());
            }
            app.stop();
        }
        List<String> acknowledged = new ArrayList<>();
        for (String card : cards) {
            try (ClasspathApp app = ClasspathApp.start(dir, List.of(), args(database))) {
                assertThat(storedCards(app))
                        .as("feedback acknowledged before the last kill -9")
                        .containsExactlyInAnyOrderElementsOf(acknowledged);
                String answer = post(app.baseUrl() + "/cds-services/ombc-patient-view/feedback", feedback(card));
                assertThat(answer).contains("\"stored\":1");
                app.kill();
                acknowledged.add(card);
            }
        }
        try (ClasspathApp app = ClasspathApp.start(dir, List.of(), args(database))) {
            assertThat(storedCards(app))
                    .containsExactlyInAnyOrderElementsOf(acknowledged)
                    .hasSize(KILLS);
        }
        log.info("{} kills and restarts in {} s", KILLS, (System.nanoTime() - started) / 1_000_000_000);
    }

    private static List<String> args(List<String> database) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=sandbox"));
        args.addAll(database);
        return args;
    }

    private List<String> storedCards(ClasspathApp app) throws Exception {
        List<String> stored = new ArrayList<>();
        JSON.readTree(get(app.baseUrl() + "/ombc/feedback"))
                .get("feedback")
                .forEach(f -> stored.add(f.get("card").asText()));
        return stored;
    }

    private static String feedback(String card) {
        return "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"overrideReason\":"
                + "{\"reason\":{\"system\":\"http://ombc-cds.org/fhir/CodeSystem/ombc\",\"code\":\"discussed-at-tumour-board\","
                + "\"display\":\"Already discussed at tumour board\"},\"userComment\":\"MDT 2026-11-20\"},"
                + "\"outcomeTimestamp\":\"2026-11-26T10:15:00Z\"}]}";
    }

    private String post(String url, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
