package org.ombc.cds.protocol;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.ombc.cds.settings.OmbcProperties;
import org.ombc.cds.storage.DatabaseUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * State that replicas behind one load balancer share through the one database (docs/operations.md, "Scale"):
 * hook answers kept for retries. (Seen JWT ids are kept there by the security package; issued cards by the audit.)
 */
@Configuration(proxyBeanMethods = false)
class HookResponseCacheConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HookResponseCacheConfiguration.class);

    /**
     * Answers for retries: through the database when replicas can share it ({@code ombc.hook-response-shared},
     * unset: {@link DatabaseUrls#canBeShared}), else in this process's memory only.
     */
    @Bean
    HookResponseCache hookResponses(
            Cache<String, byte[]> hookResponseCache,
            DataSourceProperties dataSource,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            OmbcProperties properties,
            MeterRegistry meters) {
        Boolean configured = properties.hookResponseShared();
        boolean shared = configured != null ? configured : DatabaseUrls.canBeShared(dataSource.determineUrl());
        if (!shared) {
            log.info(
                    "hook answers for retries are kept in memory: the database is embedded (ombc.hook-response-shared)");
            return new MemoryHookResponseCache(hookResponseCache);
        }
        Duration ttl = properties.hookResponseTtl();
        DatabaseHookResponseCache cache = new DatabaseHookResponseCache(
                hookResponseCache,
                jdbc,
                new TransactionTemplate(transactions),
                properties.hookResponseWriteQueue(),
                properties.writeBatchWindow(),
                clock,
                ttl,
                meters);
        cache.sweepEvery(ttl.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : ttl);
        return cache;
    }
}
