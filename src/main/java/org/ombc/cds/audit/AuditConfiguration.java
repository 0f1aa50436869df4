package org.ombc.cds.audit;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;

/** Storage of the decision audit and of feedback (Flyway schema in db/migration). */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditStore auditStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        jdbc.setQueryTimeout(5);
        return new AuditStore(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    IssuedCardIndex issuedCardIndex(AuditStore store, AuditProperties properties) {
        return new IssuedCardIndex(store, properties.cardMemory(), 100_000);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService auditWriter(AuditProperties properties) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.queueSize()),
                r -> {
                    Thread t = new Thread(r, "audit-writer");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The secret is read in the background (the audit writer), so a hook never waits on the database for it. */
    @Bean
    CardLinks cardLinks(AuditStore store, AuditProperties properties, ExecutorService auditWriter) {
        String configured = properties.cardLinkSecret();
        CardLinks links = new CardLinks(configured == null || configured.isBlank() ? store::cardLinkSecret
                : () -> configured, auditWriter);
        if (!links.prepareAndWait(java.time.Duration.ofSeconds(5))) {
            org.slf4j.LoggerFactory.getLogger(AuditConfiguration.class)
                    .warn("card-link secret not loaded at start (database unavailable?): cards carry no evidence page link until it is");
        }
        return links;
    }

    @Bean
    DatabaseHookCallRecorder hookCallRecorder(AuditStore store, IssuedCardIndex index, ExecutorService auditWriter,
                                              Clock clock, MeterRegistry meters) {
        var salt = Caffeine.newBuilder().maximumSize(1).<String, String>build();
        return new DatabaseHookCallRecorder(store, index, auditWriter, clock,
                () -> salt.get("salt", k -> store.patientHashSalt()), meters);
    }
}
