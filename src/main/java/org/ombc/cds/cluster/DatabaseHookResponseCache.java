package org.ombc.cds.cluster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;

import org.ombc.cds.hookjson.CdsHooksModel.Response;
import org.ombc.cds.cdshooks.HookResponseCache;
import org.ombc.cds.fhir.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hook answers shared by every replica through the database (table {@code hook_response}), with this replica's
 * own answers also in memory. A retry reaching this replica is answered from memory, else from the table; an
 * answer is written to the table in the background, so the hook never waits on the database. When the database
 * fails, the table is not asked again for {@link #BACK_OFF}: a retry then costs a fresh assessment, never a slow
 * or failed hook. Failures are counted ({@code ombc.hook.responses.store.failures}).
 */
public final class DatabaseHookResponseCache implements HookResponseCache, AutoCloseable {

    static final Duration BACK_OFF = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DatabaseHookResponseCache.class);

    private final Cache<String, Response> local;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ExecutorService writer;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hook-response-expiry");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;
    private final Duration ttl;
    private final Counter failures;
    private volatile Instant databaseBackOffUntil = Instant.MIN;

    public DatabaseHookResponseCache(Cache<String, Response> local, JdbcTemplate jdbc, ObjectMapper json,
                                     ExecutorService writer, Clock clock, Duration ttl, MeterRegistry meters) {
        this.local = local;
        this.jdbc = jdbc;
        this.json = json;
        this.writer = writer;
        this.clock = clock;
        this.ttl = ttl;
        this.failures = meters.counter("ombc.hook.responses.store.failures");
    }

    @Override
    public Response getIfPresent(String key) {
        Response mine = local.getIfPresent(key);
        if (mine != null || clock.instant().isBefore(databaseBackOffUntil)) {
            return mine;
        }
        try {
            List<String> stored = jdbc.queryForList("select response from hook_response where replay_key = ?"
                    + " and expires_at > ?", String.class, rowKey(key), Timestamp.from(clock.instant()));
            if (stored.isEmpty()) {
                return null;
            }
            Response theirs = json.readValue(stored.get(0), Response.class);
            local.put(key, theirs);
            return theirs;
        } catch (DataAccessException | JsonProcessingException e) {
            failed("read", e);
            return null;
        }
    }

    @Override
    public void put(String key, Response response) {
        local.put(key, response);
        Instant expires = clock.instant().plus(ttl);
        try {
            writer.execute(() -> store(key, response, expires));
        } catch (RejectedExecutionException e) {
            failed("write (queue full)", e);
        }
    }

    private void store(String key, Response response, Instant expires) {
        try {
            jdbc.update("insert into hook_response (replay_key, response, expires_at) values (?, ?, ?)",
                    rowKey(key), json.writeValueAsString(response), Timestamp.from(expires));
        } catch (DuplicateKeyException sameAnswerRaced) {
            // Two replicas answered the same retry at once: the first row stays.
        } catch (DataAccessException | JsonProcessingException e) {
            failed("write", e);
        }
    }

    /** Deletes the answers whose time is over; returns how many. Every replica may run it. */
    public int deleteExpired() {
        try {
            return jdbc.update("delete from hook_response where expires_at <= ?", Timestamp.from(clock.instant()));
        } catch (DataAccessException e) {
            failed("expiry", e);
            return 0;
        }
    }

    /** Deletes expired rows every {@code period}, from now until {@link #close()}. */
    public void sweepEvery(Duration period) {
        sweeper.scheduleWithFixedDelay(this::deleteExpired, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the expiry and lets queued writes finish (for a few seconds at most). */
    @Override
    public void close() throws InterruptedException {
        sweeper.shutdownNow();
        writer.shutdown();
        if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
            writer.shutdownNow();
        }
    }

    /** The key holds the client's hookInstance: the table holds only its hash, of fixed length. */
    private static String rowKey(String key) {
        return Hashes.sha256(key);
    }

    private void failed(String what, Exception e) {
        failures.increment();
        if (e instanceof DataAccessException) {
            databaseBackOffUntil = clock.instant().plus(BACK_OFF);
        }
        log.warn("shared hook-response store: {} failed: {}", what, e.getClass().getSimpleName());
    }
}
