package org.ombc.cds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ombc.cds.security.DevIssuerCommand;
import org.ombc.cds.support.AppProcess;
import org.ombc.cds.support.HookRequests;

/**
 * Two replicas of the real application (the packaged jar, two processes) behind one public URL, on one
 * PostgreSQL: what one replica saw, the other knows. Runs when {@code OMBC_TEST_POSTGRES_URL} is set (CI sets it);
 * skipped, not passed, without it. A fresh schema per run, dropped at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLIC_BASE_URL = "http://ombc.load-balancer.test";
    private static final String SERVICE = "/cds-services/ombc-patient-view";
    private static final String ADMIN_TOKEN = "admin-" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dir;
    private String postgres;
    private String user;
    private String password;
    private String schema;
    private AppProcess replicaA;
    private AppProcess replicaB;

    /** Each test, not the class, is skipped without PostgreSQL: the report counts them as skipped, not as 0 run. */
    @BeforeEach
    void requirePostgresql() {
        Assumptions.assumeTrue(
                postgresConfigured(), "OMBC_TEST_POSTGRES_URL is not set: the two-replica test is skipped, not passed");
    }

    private boolean postgresConfigured() {
        return postgres != null && !postgres.isBlank();
    }

    @BeforeAll
    void startTwoReplicasOnOneDatabase() throws Exception {
        postgres = System.getenv("OMBC_TEST_POSTGRES_URL");
        if (!postgresConfigured()) {
            return;
        }
        user = System.getenv().getOrDefault("OMBC_TEST_POSTGRES_USER", "postgres");
        password = System.getenv().getOrDefault("OMBC_TEST_POSTGRES_PASSWORD", "");
        schema =
                "ombc_replicas_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        dir = Files.createTempDirectory("ombc-replicas");
        DevIssuerCommand.ensureKeys(dir.resolve("keys"), DevIssuerCommand.DEFAULT_ISS);
        String url = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        List<String> args = List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.flyway.default-schema=" + schema,
                "--spring.flyway.create-schemas=true",
                "--ombc.public-base-url=" + PUBLIC_BASE_URL,
                "--ombc.audit.admin-token=" + ADMIN_TOKEN,
                "--ombc.security.trusted-issuers[0].iss=" + DevIssuerCommand.DEFAULT_ISS,
                "--ombc.security.trusted-issuers[0].jwks-file="
                        + dir.resolve("keys/jwks.json").toAbsolutePath());
        CompletableFuture<AppProcess> a = CompletableFuture.supplyAsync(() -> start(args));
        CompletableFuture<AppProcess> b = CompletableFuture.supplyAsync(() -> start(args));
        try {
            replicaA = a.join();
        } finally {
            replicaB = b.join();
        }
    }

    private AppProcess start(List<String> args) {
        try {
            return AppProcess.start(dir, args);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stopAndDropTheSchema() throws Exception {
        if (replicaA != null) {
            replicaA.close();
        }
        if (replicaB != null) {
            replicaB.close();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(postgres, user, password)) {
                c.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void aTokenUsedOnOneReplicaIsRefusedByTheOther() throws Exception {
        String token = token(SERVICE);
        String body = request();
        assertThat(post(replicaA, SERVICE, body, token).statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = post(replicaB, SERVICE, body, token);
        assertThat(replayed.statusCode()).as("replayed on the other replica").isEqualTo(401);
        assertThat(replayed.body()).contains("replayed");
    }

    @Test
    void feedbackOnACardIssuedByOneReplicaIsAcceptedByTheOther() throws Exception {
        HttpResponse<String> call = post(replicaA, SERVICE, request(), token(SERVICE));
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
        String card = JSON.readTree(call.body()).at("/cards/0/uuid").asText();
        // Replica A records the card in the background: feedback comes from a clinician's click, later.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from issued_card where uuid = ?", card) == 1);
        String feedback = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"overrideReason\":"
                + "{\"userComment\":\"discussed at MDT\"},\"outcomeTimestamp\":\"" + Instant.now() + "\"}]}";
        HttpResponse<String> stored = post(replicaB, SERVICE + "/feedback", feedback, token(SERVICE + "/feedback"));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(JSON.readTree(stored.body()).get("stored").asInt()).isEqualTo(1);
        HttpResponse<String> listed = http.send(
                HttpRequest.newBuilder(URI.create(replicaA.baseUrl() + "/ombc/feedback"))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body())
                .as("the other replica's governance API sees it")
                .contains(card, "discussed at MDT");
    }

    @Test
    void aRetryReachingTheOtherReplicaGetsTheSameCardsAndIsAuditedOnce() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        String hookInstance = UUID.randomUUID().toString();
        request.put("hookInstance", hookInstance);
        String body = HookRequests.text(request);
        HttpResponse<String> first = post(replicaA, SERVICE, body, token(SERVICE));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String card = JSON.readTree(first.body()).at("/cards/0/uuid").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("select count(*) from hook_response where response" + " like ?", "%" + card + "%") == 1
                                && count("select count(*) from hook_call where hook_instance = ?", hookInstance) == 1);
        HttpResponse<String> retry = post(replicaB, SERVICE, body, token(SERVICE));
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(first.body());
        assertThat(JSON.readTree(retry.body()))
                .as("the same cards, the same uuids")
                .isEqualTo(a);
        assertThat(count("select count(*) from hook_call where hook_instance = ?", hookInstance))
                .as("answered from the shared store, not assessed again")
                .isEqualTo(1);
    }

    private String request() {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.put("hookInstance", UUID.randomUUID().toString());
        return HookRequests.text(request);
    }

    /** A token as the development issuer's {@code token} command makes it. */
    private String token(String path) throws Exception {
        return DevIssuerCommand.token(
                dir.resolve("keys"), PUBLIC_BASE_URL + path, null, Duration.ofMinutes(5), Instant.now());
    }

    private HttpResponse<String> post(AppProcess replica, String path, String body, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int count(String sql, String parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres, user, password)) {
            c.createStatement().execute("set search_path to " + schema);
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                if (parameter != null) {
                    statement.setString(1, parameter);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }
    }
}
