package org.ombc.cds.audit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import org.ombc.cds.settings.OmbcProperties;
import org.ombc.cds.storage.DurableCommits;
import org.ombc.cds.storage.GroupCommitWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Storage of the decision audit and of feedback (Flyway schema in db/migration). */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditStore auditStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, DurableCommits durable) {
        return new AuditStore(jdbc, new TransactionTemplate(transactions), durable);
    }

    @Bean
    FeedbackStore feedbackStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, DurableCommits durable) {
        return new FeedbackStore(jdbc, new TransactionTemplate(transactions), durable);
    }

    @Bean
    IssuedCardIndex issuedCardIndex(AuditStore store, AuditProperties properties) {
        return new IssuedCardIndex(store, properties.cardMemory(), properties.maxCardsInMemory());
    }

    /** The secret is read in the background, so a hook never waits on the database for it. */
    @Bean
    CardLinks cardLinks(AuditStore store, AuditProperties properties) {
        String configured = properties.cardLinkSecret();
        CardLinks links = new CardLinks(
                configured == null || configured.isBlank() ? store::cardLinkSecret : () -> configured, task -> {
                    Thread loader = new Thread(task, "card-link-secret");
                    loader.setDaemon(true);
                    loader.start();
                });
        if (!links.prepareAndWait(properties.cardLinkSecretWait())) {
            org.slf4j.LoggerFactory.getLogger(AuditConfiguration.class)
                    .warn(
                            "card-link secret not loaded at start (database unavailable?): cards carry no evidence page link until it is");
        }
        return links;
    }

    @Bean
    GroupCommitWriter<Supplier<HookCallRow>> auditWriter(
            AuditStore store, AuditProperties properties, OmbcProperties ombc, MeterRegistry meters) {
        return DatabaseHookCallRecorder.batchWriter(store, properties.queueSize(), ombc.writeBatchWindow(), meters);
    }

    @Bean
    DatabaseHookCallRecorder hookCallRecorder(
            AuditStore store,
            IssuedCardIndex index,
            GroupCommitWriter<Supplier<HookCallRow>> auditWriter,
            Clock clock) {
        var salt = Caffeine.newBuilder().maximumSize(1).<String, String>build();
        return new DatabaseHookCallRecorder(
                index, auditWriter, clock, () -> salt.get("salt", k -> store.patientHashSalt()));
    }
}
