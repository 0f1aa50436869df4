package org.ombc.cds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.support.ClasspathApp;
import org.ombc.cds.support.HookRequests;

/**
 * Every answered hook call is in the audit after an operator stops the service: 5,000 calls as fast as the service
 * takes them, then SIGTERM (graceful shutdown drains the batch writer), then the rows are counted in the database
 * the process left behind.
 */
class AuditDrainTest {

    static final int CALLS = 5_000;

    @Test
    void fiveThousandCallsAreFiveThousandRowsAfterAGracefulStop(@TempDir Path dir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectNode template = HookRequests.load("no-breast-cancer");
        List<CompletableFuture<Integer>> answers = new ArrayList<>(CALLS);
        try (ClasspathApp app = ClasspathApp.start(dir, List.of(), List.of("--spring.profiles.active=sandbox"))) {
            URI hook = URI.create(app.baseUrl() + "/cds-services/ombc-patient-view");
            Semaphore inFlight = new Semaphore(8);
            for (int i = 0; i < CALLS; i++) {
                template.put("hookInstance", UUID.randomUUID().toString());
                HttpRequest request = HttpRequest.newBuilder(hook)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(HookRequests.text(template)))
                        .build();
                inFlight.acquire();
                answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .whenComplete((r, e) -> inFlight.release())
                        .thenApply(HttpResponse::statusCode));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
            assertThat(answers).allSatisfy(a -> assertThat(a.join()).isEqualTo(200));
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics).contains("ombc_audit_queue_depth");
            app.stop();
        }
        // The embedded default store: SQLite in the service's working folder (application.yml).
        try (Connection db = DriverManager.getConnection(
                        "jdbc:sqlite:" + dir.resolve("data/ombc.db").toAbsolutePath());
                ResultSet calls = db.createStatement()
                        .executeQuery("select count(*), count(distinct hook_instance) from hook_call")) {
            calls.next();
            assertThat(calls.getInt(1)).isEqualTo(CALLS);
            assertThat(calls.getInt(2)).isEqualTo(CALLS);
        }
    }
}
