package org.ombc.cds.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.ombc.cds.hookjson.CdsHooksModel;
import org.ombc.cds.settings.OmbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * State that replicas behind one load balancer share through the one database (README, "Scale"): hook answers
 * kept for retries. (Seen JWT ids are kept there by the security package; issued cards by the audit.)
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseHookResponseCache sharedHookResponses(Cache<String, CdsHooksModel.Response> hookResponseCache,
                                                  JdbcTemplate jdbc, ObjectMapper json, Clock clock,
                                                  OmbcProperties properties, MeterRegistry meters) {
        ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.hookResponseWriteQueue()), r -> {
                    Thread t = new Thread(r, "hook-response-writer");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        Duration ttl = properties.hookResponseTtl();
        DatabaseHookResponseCache cache = new DatabaseHookResponseCache(hookResponseCache, jdbc, json, writer, clock,
                ttl, meters);
        cache.sweepEvery(ttl.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : ttl);
        return cache;
    }
}
