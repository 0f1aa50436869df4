package org.ombc.cds.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.audit.AssessmentSnapshot;
import org.ombc.cds.audit.AuditStore;
import org.ombc.cds.audit.FeedbackItem;
import org.ombc.cds.audit.FeedbackStore;
import org.ombc.cds.audit.HookCallRow;
import org.ombc.cds.audit.IssuedCard;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.security.DatabaseReplayGuard;
import org.ombc.cds.support.Vignettes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stores on SQLite (WAL, synchronous=FULL) behave as on H2 and PostgreSQL: its own migrations build the same
 * schema, a batch of audited calls gets one key per call, the compact audit serves the page, feedback is
 * idempotent and a jti is accepted once (both rely on a duplicate key being recognised as one).
 */
class SqliteStoreTest {

    private static final String SETTINGS =
            "?journal_mode=WAL&synchronous=FULL&transaction_mode=IMMEDIATE&busy_timeout=10000";

    private static JdbcTemplate open(Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("data/ombc.db") + SETTINGS;
        SqliteSettings.prepare(url);
        DriverManagerDataSource db = new DriverManagerDataSource(url);
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/sqlite")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.setExceptionTranslator(new SqliteExceptionTranslator(jdbc.getExceptionTranslator()));
        return jdbc;
    }

    private static AuditStore store(JdbcTemplate jdbc) {
        return new AuditStore(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())),
                new DurableCommits(jdbc, "jdbc:sqlite:x"));
    }

    @Test
    void aBatchOfCallsIsStoredWithItsCardsAndTheirPagesAreServed(@TempDir Path dir) {
        AuditStore store = store(open(dir));
        Assessment a = Vignettes.assess(
                PatientBundle.patient("p1").primary("2018-01-01").boneLesions(2, "2022-01-01"));
        AssessmentSnapshot.Encoded encoded = AssessmentSnapshot.encode(a);
        List<String> uuids =
                Stream.generate(() -> UUID.randomUUID().toString()).limit(3).toList();
        store.recordCalls(uuids.stream()
                .map(uuid -> new HookCallRow(
                        Instant.now(),
                        "ombc-patient-view",
                        UUID.randomUUID().toString(),
                        "0".repeat(64),
                        null,
                        a.knowledgeVersion(),
                        "yes",
                        null,
                        null,
                        List.of("mdt-discussion"),
                        List.of(),
                        10,
                        List.of(new IssuedCard(
                                        uuid,
                                        "ombc-patient-view",
                                        "s" + uuid,
                                        "warning",
                                        List.of("mdt-discussion"),
                                        List.of("s-1"),
                                        List.of())
                                .withEvidencePage()),
                        encoded))
                .toList());

        for (String uuid : uuids) {
            assertThat(store.findCard(uuid))
                    .get()
                    .extracting(IssuedCard::summary)
                    .isEqualTo("s" + uuid);
            assertThat(store.cardPage(uuid))
                    .get()
                    .extracting(org.ombc.cds.audit.CardPages.Page::fullDetail)
                    .isEqualTo(OmbcCards.fullDetail(a));
        }
    }

    @Test
    void feedbackIsStoredOnceAndAJtiAcceptedOnce(@TempDir Path dir) throws Exception {
        JdbcTemplate jdbc = open(dir);
        FeedbackStore store = new FeedbackStore(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())),
                new DurableCommits(jdbc, "jdbc:sqlite:x"));
        FeedbackItem item = new FeedbackItem(
                "c-1", "accepted", List.of("s-1"), null, null, null, null, Instant.parse("2026-11-26T10:15:00Z"));
        assertThat(store.storeFeedback(List.of(item), Instant.now())).isOne();
        assertThat(store.storeFeedback(List.of(item), Instant.now()))
                .as("the same item again")
                .isZero();

        DatabaseReplayGuard guard = new DatabaseReplayGuard(
                jdbc, new DurableCommits(jdbc, "jdbc:sqlite:x"), Clock.systemUTC(), Duration.ofMinutes(1));
        Instant expires = Instant.now().plusSeconds(300);
        assertThat(guard.firstUse("iss", "jti-1", expires)).isTrue();
        assertThat(guard.firstUse("iss", "jti-1", expires)).as("a replay").isFalse();
    }

    @Test
    void everyMigrationHasItsSqliteCounterpart() throws Exception {
        try (Stream<Path> common = Files.list(Path.of("src/main/resources/db/migration"));
                Stream<Path> sqlite = Files.list(Path.of("src/main/resources/db/sqlite"))) {
            assertThat(sqlite.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(
                            common.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
