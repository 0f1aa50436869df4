package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.MutableClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Replay protection in the database: it survives a restart (a new guard over the same database) and is shared by
 * replicas (two guards racing on one jti: exactly one wins), on H2 and, when OMBC_TEST_POSTGRES_URL is set,
 * PostgreSQL.
 */
class ReplaySecurityTest {

    private static final List<DataSource> STORES = new ArrayList<>();
    private static final String SCHEMA =
            "ombc_replay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final ExecutorService POOL = Executors.newFixedThreadPool(16);

    @BeforeAll
    static void migrate() {
        STORES.add(new DriverManagerDataSource(
                "jdbc:h2:mem:replay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        String postgres = System.getenv("OMBC_TEST_POSTGRES_URL");
        if (postgres != null && !postgres.isBlank()) {
            // A schema of this run's own: runs sharing the database (other builds, earlier runs) leave rows that
            // a count would see.
            String url = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
            STORES.add(new DriverManagerDataSource(url, "postgres", ""));
        }
        Flyway.configure().dataSource(STORES.get(0)).load().migrate();
        if (STORES.size() > 1) {
            Flyway.configure()
                    .dataSource(STORES.get(1))
                    .schemas(SCHEMA)
                    .createSchemas(true)
                    .load()
                    .migrate();
        }
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
        if (STORES.size() > 1) {
            new JdbcTemplate(STORES.get(1)).execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    private static DatabaseReplayGuard replica(DataSource store, Clock clock) {
        JdbcTemplate jdbc = new JdbcTemplate(store);
        return new DatabaseReplayGuard(
                jdbc,
                new org.ombc.cds.storage.DurableCommits(jdbc, ((DriverManagerDataSource) store).getUrl()),
                clock,
                Duration.ofMinutes(1));
    }

    @Test
    void aJtiSeenBeforeARestartIsStillRefusedAfterIt() throws Exception {
        for (DataSource store : STORES) {
            String jti = UUID.randomUUID().toString();
            Instant exp = Instant.now().plusSeconds(300);
            assertThat(replica(store, Clock.systemUTC()).firstUse("iss-a", jti, exp))
                    .isTrue();
            assertThat(replica(store, Clock.systemUTC()).firstUse("iss-a", jti, exp))
                    .as("after restart")
                    .isFalse();
            assertThat(replica(store, Clock.systemUTC()).firstUse("iss-b", jti, exp))
                    .as("another issuer")
                    .isTrue();
        }
    }

    @Test
    void replicasRacingOnOneJtiAcceptItExactlyOnce() throws Exception {
        for (DataSource store : STORES) {
            String jti = UUID.randomUUID().toString();
            Instant exp = Instant.now().plusSeconds(300);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                DatabaseReplayGuard replica = replica(store, Clock.systemUTC());
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return replica.firstUse("iss-race", jti, exp);
                };
                results.add(POOL.submit(attempt));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        }
    }

    @Test
    void rowsAreKeptUntilExpiryThenSweptAndTheJtiMayBeUsedByANewToken() throws Exception {
        for (DataSource store : STORES) {
            MutableClock clock = new MutableClock(Instant.now());
            DatabaseReplayGuard guard = replica(store, clock);
            String jti = UUID.randomUUID().toString();
            assertThat(guard.firstUse("iss-exp", jti, clock.instant().plusSeconds(300)))
                    .isTrue();
            clock.advance(Duration.ofSeconds(299));
            assertThat(guard.firstUse("iss-exp", jti, clock.instant().plusSeconds(300)))
                    .isFalse();
            clock.advance(Duration.ofMinutes(2));
            assertThat(guard.firstUse(
                            "iss-other",
                            UUID.randomUUID().toString(),
                            clock.instant().plusSeconds(60)))
                    .isTrue();
            JdbcTemplate jdbc = new JdbcTemplate(store);
            assertThat(jdbc.queryForObject("select count(*) from seen_jti where iss = 'iss-exp'", Integer.class))
                    .as("swept after expiry")
                    .isZero();
            assertThat(guard.firstUse("iss-exp", jti, clock.instant().plusSeconds(300)))
                    .isTrue();
        }
    }

    /** Says so in the report when the tests above ran on H2 only (CI sets OMBC_TEST_POSTGRES_URL). */
    @Test
    void theGuardsAboveRanOnPostgresqlToo() throws Exception {
        String postgres = System.getenv("OMBC_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(
                postgres != null && !postgres.isBlank(),
                "OMBC_TEST_POSTGRES_URL is not set: the replay guard was tested on H2 only, not on PostgreSQL");
        assertThat(STORES).hasSize(2);
        assertThat(((DriverManagerDataSource) STORES.get(1)).getUrl()).startsWith("jdbc:postgresql:");
        String jti = UUID.randomUUID().toString();
        assertThat(replica(STORES.get(1), Clock.systemUTC())
                        .firstUse("iss-pg", jti, Instant.now().plusSeconds(60)))
                .isTrue();
    }

    @Test
    void theJtiIsStoredHashedNotAsSent() throws Exception {
        DataSource store = STORES.get(0);
        String jti = "jti-" + UUID.randomUUID();
        replica(store, Clock.systemUTC())
                .firstUse("iss-hash", jti, Instant.now().plusSeconds(60));
        assertThat(new JdbcTemplate(store)
                        .queryForList("select jti from seen_jti where iss = 'iss-hash'", String.class))
                .singleElement()
                .asString()
                .hasSize(64)
                .doesNotContain(jti);
    }

    @Test
    void aDatabaseThatIsDownRefusesWithAClassOfItsOwn() {
        DatabaseReplayGuard down =
                replica(new DriverManagerDataSource("jdbc:h2:tcp://127.0.0.1:1/nothing", "sa", ""), Clock.systemUTC());
        assertThatThrownBy(() -> down.firstUse("iss", "jti", Instant.now().plusSeconds(60)))
                .isInstanceOf(JwtRejectedException.class)
                .extracting(e -> ((JwtRejectedException) e).check())
                .isEqualTo(RejectedCheck.REPLAY_CHECK_UNAVAILABLE);
    }
}
