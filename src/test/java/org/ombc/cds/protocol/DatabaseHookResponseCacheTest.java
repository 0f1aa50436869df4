package org.ombc.cds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombc.cds.protocol.json.CdsHooksModel.Card;
import org.ombc.cds.protocol.json.CdsHooksModel.Coding;
import org.ombc.cds.protocol.json.CdsHooksModel.Response;
import org.ombc.cds.protocol.json.CdsHooksModel.Source;
import org.ombc.cds.support.MutableClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Two replicas on one database: a retry that reaches the other replica gets the same answer. */
class DatabaseHookResponseCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final Response RESPONSE = new Response(
            List.of(new Card(
                    UUID.randomUUID().toString(),
                    "Oligometastatic (2 bone lesions): discuss at tumour board",
                    "**detail** 1.5 cm",
                    "warning",
                    new Source("ombc-cds", null, null, null),
                    null,
                    null,
                    List.of(new Coding(
                            "http://ombc-cds.org/fhir/CodeSystem/ombc", "patient-preference", "Patient preference")),
                    null,
                    Map.of("ombc-assessment", Map.of("lesionCount", 2, "sizeCm", 1.5, "sites", List.of("bone"))))),
            null);
    private static final byte[] ANSWER = json(RESPONSE);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private final SimpleMeterRegistry metersOfA = new SimpleMeterRegistry();
    private DatabaseHookResponseCache replicaA;
    private DatabaseHookResponseCache replicaB;

    @BeforeEach
    void database() {
        dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:hook-responses-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        replicaA = replica(dataSource, metersOfA);
        replicaB = replica(dataSource, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() throws Exception {
        replicaA.close();
        replicaB.close();
        jdbc.execute("shutdown");
    }

    private DatabaseHookResponseCache replica(DataSource db, SimpleMeterRegistry meters) {
        return new DatabaseHookResponseCache(
                Caffeine.newBuilder().<String, byte[]>build(),
                new JdbcTemplate(db),
                new TransactionTemplate(new DataSourceTransactionManager(db)),
                5_000,
                Duration.ofMillis(20),
                clock,
                Duration.ofSeconds(30),
                meters);
    }

    @Test
    void aRetryReachingTheOtherReplicaGetsTheSameAnswer() throws Exception {
        String key = "hook-1\nbody-hash";
        assertThat(replicaB.getIfPresent(key)).isNull();
        replicaA.put(key, ANSWER);
        await().atMost(Duration.ofSeconds(10)).until(() -> replicaB.getIfPresent(key) != null);
        assertThat(replicaB.getIfPresent(key))
                .as("the bytes the first replica sent")
                .isEqualTo(ANSWER);
        assertThat(JSON.readValue(replicaB.getIfPresent(key), Response.class)
                        .cards()
                        .get(0)
                        .summary())
                .isEqualTo(RESPONSE.cards().get(0).summary());
        assertThat(replicaB.getIfPresent("hook-1\nanother-body")).isNull();
    }

    @Test
    void theTableHoldsOnlyAHashOfTheClientsKey() {
        String key = "a-hook-instance-of-the-client\nbody";
        replicaA.put(key, ANSWER);
        await().atMost(Duration.ofSeconds(10)).until(() -> count() == 1);
        assertThat(jdbc.queryForObject("select replay_key from hook_response", String.class))
                .hasSize(64)
                .doesNotContain("hook-instance");
    }

    @Test
    void anExpiredAnswerIsNotServedAndIsDeleted() {
        String key = "hook-2\nbody";
        replicaA.put(key, ANSWER);
        await().atMost(Duration.ofSeconds(10)).until(() -> count() == 1);
        clock.advance(Duration.ofSeconds(31));
        assertThat(replicaB.getIfPresent(key))
                .as("expired for the other replica")
                .isNull();
        assertThat(replicaB.deleteExpired()).isEqualTo(1);
        assertThat(count()).isZero();
    }

    @Test
    void expiryDeletesEveryExpiredAnswerInChunksAndKeepsTheLiveOnes() {
        int expired = 2 * DatabaseHookResponseCache.DELETE_CHUNK + 7;
        for (int i = 0; i < expired; i++) {
            replicaA.put("old-" + i + "\nbody", ANSWER);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count() == expired);
        clock.advance(Duration.ofSeconds(31));
        replicaA.put("live\nbody", ANSWER);
        await().atMost(Duration.ofSeconds(10)).until(() -> count() == expired + 1);

        assertThat(replicaB.deleteExpired()).isEqualTo(expired);
        assertThat(count()).isOne();
        assertThat(replicaB.getIfPresent("live\nbody")).isEqualTo(ANSWER);
    }

    @Test
    void aDatabaseThatFailsCostsAFreshAssessmentNeverAFailedHook() {
        String key = "hook-3\nbody";
        jdbc.execute("drop table hook_response");
        replicaA.put(key, ANSWER);
        // The write is in the background: wait until it has failed, so the table made below cannot take it.
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        metersOfA.counter("ombc.hook.responses.store.failures").count() >= 1);
        assertThat(replicaA.getIfPresent(key))
                .as("this replica still has its own answer")
                .isNotNull();
        assertThat(replicaB.getIfPresent(key)).isNull();
        // Backing off: the broken table is not asked again at once (each ask could wait for a timeout).
        jdbc.execute("create table hook_response (replay_key varchar(64) primary key, response text not null,"
                + " expires_at timestamp with time zone not null)");
        replicaA.put("hook-4\nbody", ANSWER);
        await().atMost(Duration.ofSeconds(10)).until(() -> count() == 1);
        assertThat(replicaB.getIfPresent("hook-4\nbody")).isNull();
        clock.advance(DatabaseHookResponseCache.BACK_OFF.plusSeconds(1));
        assertThat(replicaB.getIfPresent("hook-4\nbody")).isNotNull();
    }

    private static byte[] json(Response response) {
        try {
            return JSON.writeValueAsBytes(response);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A burst of answers is written in a few transactions, every one of them readable by the other replica. */
    @Test
    void aBurstOfAnswersIsWrittenInBatchesAndEveryOneIsShared() {
        for (int i = 0; i < 2_000; i++) {
            replicaA.put("burst-" + i + "\nbody", ANSWER);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        metersOfA.counter("ombc.hook.responses.store.writes").count() == 2_000);
        assertThat(count()).isEqualTo(2_000);
        assertThat(metersOfA.timer("ombc.hook.responses.store.batch").count())
                .as("transactions")
                .isLessThan(2_000);
        assertThat(replicaB.getIfPresent("burst-1999\nbody")).isEqualTo(ANSWER);
    }

    private int count() {
        Integer n = jdbc.queryForObject("select count(*) from hook_response", Integer.class);
        return n == null ? 0 : n;
    }
}
