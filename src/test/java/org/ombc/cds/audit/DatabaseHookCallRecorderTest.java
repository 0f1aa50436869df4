package org.ombc.cds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.protocol.services.HookOutcome;
import org.ombc.cds.protocol.services.HookRequest;
import org.ombc.cds.storage.DurableCommits;
import org.ombc.cds.support.Vignettes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit never takes the hook down with it, even when the database is gone from the first call. */
class DatabaseHookCallRecorderTest {

    /** A database that never answers. */
    private static final class DeadDatabase extends AbstractDataSource {
        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            throw new SQLTransientConnectionException("down");
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) throws java.sql.SQLException {
            return getConnection();
        }
    }

    @Test
    void aDatabaseDownBeforeTheSaltIsKnownIsCountedAndTheWriterCarriesOn() {
        DeadDatabase db = new DeadDatabase();
        AuditStore store = new AuditStore(
                new JdbcTemplate(db),
                new TransactionTemplate(new DataSourceTransactionManager(db)),
                new DurableCommits(new JdbcTemplate(db), "jdbc:h2:file:./never-opened"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        var writer = DatabaseHookCallRecorder.batchWriter(store, 100, Duration.ofMillis(20), meters);
        writer.start();
        DatabaseHookCallRecorder recorder = new DatabaseHookCallRecorder(
                new IssuedCardIndex(store, Duration.ofMinutes(1), 100),
                writer,
                Clock.systemUTC(),
                store::patientHashSalt);
        Assessment assessment = Vignettes.assess(
                PatientBundle.patient("p1").primary("2018-01-01").boneLesions(1, "2022-01-01"));
        var cards = new OmbcCards(Vignettes.FHIR, new ObjectMapper(), Vignettes.TERMINOLOGY, "ombc-cds")
                .cards(assessment, "p1", List.of());
        var request = new HookRequest(
                "patient-view",
                "h-1",
                "p1",
                new ObjectMapper().createObjectNode().put("patientId", "p1").put("userId", "Practitioner/1"),
                null,
                null,
                null);

        recorder.record("ombc-patient-view", request, new HookOutcome(assessment, cards), 1_000_000, null);
        recorder.record("ombc-patient-view", request, new HookOutcome(assessment, cards), 1_000_000, null);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.counter("ombc.audit.failures").count() == 2);
        assertThat(meters.counter("ombc.audit.writes").count()).isZero();
        writer.stop();
    }
}
