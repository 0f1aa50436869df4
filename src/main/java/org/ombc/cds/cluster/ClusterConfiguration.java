package org.ombc.cds.cluster;

import java.time.Clock;
import java.time.Duration;

import org.ombc.cds.settings.OmbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * State that replicas behind one load balancer share through the one database (README, "Scale"): hook answers
 * kept for retries. (Seen JWT ids are kept there by the security package; issued cards by the audit.)
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseHookResponseCache sharedHookResponses(Cache<String, byte[]> hookResponseCache, JdbcTemplate jdbc,
                                                  PlatformTransactionManager transactions, Clock clock,
                                                  OmbcProperties properties, MeterRegistry meters) {
        Duration ttl = properties.hookResponseTtl();
        DatabaseHookResponseCache cache = new DatabaseHookResponseCache(hookResponseCache, jdbc,
                new TransactionTemplate(transactions), properties.hookResponseWriteQueue(), clock, ttl, meters);
        cache.sweepEvery(ttl.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : ttl);
        return cache;
    }
}
