package org.ombc.cds.protocol;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.privacy.Hashes;
import org.ombc.cds.storage.GroupCommitWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hook answers shared by every replica through the database (table {@code hook_response}), with this replica's
 * own answers also in memory. A retry reaching this replica is answered from memory, else from the table; answers
 * are written to the table in the background in batches, one transaction each ({@link GroupCommitWriter},
 * metrics {@code ombc.hook.responses.store.*}), so the hook never waits on the database and a busy hook costs one
 * commit per batch, not one per call. When the database fails, the table is not asked again for {@link #BACK_OFF}:
 * a retry then costs a fresh assessment, never a slow or failed hook. Failures are counted
 * ({@code ombc.hook.responses.store.failures}).
 */
public final class DatabaseHookResponseCache implements HookResponseCache, AutoCloseable {

    static final Duration BACK_OFF = Duration.ofSeconds(10);
    private static final int MAX_BATCH = 500;
    static final int DELETE_CHUNK = 1000;
    private static final String INSERT =
            "insert into hook_response (replay_key, response, expires_at) values (?, ?, ?)";
    private static final Logger log = LoggerFactory.getLogger(DatabaseHookResponseCache.class);

    /** One answer waiting to be written: the table (column {@code replay_key}) holds only a hash of the retry key. */
    private record Row(String rowKey, String response, Instant expires) {}

    private final Cache<String, byte[]> local;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final GroupCommitWriter<Row> writer;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hook-response-expiry");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;
    private final Duration ttl;
    private final Counter failures;
    private volatile Instant databaseBackOffUntil = Instant.MIN;

    public DatabaseHookResponseCache(
            Cache<String, byte[]> local,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            int queueSize,
            Duration batchWindow,
            Clock clock,
            Duration ttl,
            MeterRegistry meters) {
        this.local = local;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.ttl = ttl;
        this.failures = meters.counter("ombc.hook.responses.store.failures");
        this.writer = new GroupCommitWriter<>(
                "hook-response-writer",
                "ombc.hook.responses.store",
                queueSize,
                MAX_BATCH,
                batchWindow,
                this::store,
                meters);
        writer.start();
    }

    @Override
    public byte @Nullable [] getIfPresent(String retryKey) {
        byte[] mine = local.getIfPresent(retryKey);
        if (mine != null || clock.instant().isBefore(databaseBackOffUntil)) {
            return mine;
        }
        try {
            List<String> stored = jdbc.queryForList(
                    "select response from hook_response where replay_key = ?" + " and expires_at > ?",
                    String.class,
                    rowKey(retryKey),
                    Timestamp.from(clock.instant()));
            if (stored.isEmpty()) {
                return null;
            }
            byte[] theirs = stored.get(0).getBytes(StandardCharsets.UTF_8);
            local.put(retryKey, theirs);
            return theirs;
        } catch (DataAccessException e) {
            failed("read", e);
            return null;
        }
    }

    @Override
    public void put(String retryKey, byte[] answer) {
        local.put(retryKey, answer);
        if (!writer.offer(new Row(
                rowKey(retryKey),
                new String(answer, StandardCharsets.UTF_8),
                clock.instant().plus(ttl)))) {
            log.warn("shared hook-response store: write queue full; the answer is kept in this replica only");
        }
    }

    /** One transaction for the batch; a key another replica wrote first makes the batch go row by row. */
    private int store(List<Row> batch) {
        try {
            tx.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Row row = batch.get(i);
                    ps.setString(1, row.rowKey());
                    ps.setString(2, row.response());
                    ps.setTimestamp(3, Timestamp.from(row.expires()));
                }

                @Override
                public int getBatchSize() {
                    return batch.size();
                }
            }));
            return batch.size();
        } catch (DuplicateKeyException sameAnswerRaced) {
            return storeOneByOne(batch);
        } catch (DataAccessException e) {
            backOff();
            throw e;
        }
    }

    private int storeOneByOne(List<Row> batch) {
        int stored = 0;
        for (Row row : batch) {
            try {
                jdbc.update(INSERT, row.rowKey(), row.response(), Timestamp.from(row.expires()));
                stored++;
            } catch (DuplicateKeyException sameAnswerRaced) {
                stored++; // Two replicas answered the same retry at once: the first row stays.
            } catch (DataAccessException e) {
                backOff();
            }
        }
        return stored;
    }

    /**
     * Deletes the answers whose time is over, {@link #DELETE_CHUNK} rows per statement; returns how many. Every
     * replica may run it. In chunks because a busy hook leaves tens of thousands of expired answers per period, and
     * one statement deleting them all held them all in the database's memory at once (measured: H2 ran out of a
     * 256 MB heap and closed the database).
     */
    public int deleteExpired() {
        Timestamp now = Timestamp.from(clock.instant());
        int deleted = 0;
        try {
            int chunk;
            do {
                chunk = jdbc.update(
                        "delete from hook_response where replay_key in (select replay_key from"
                                + " hook_response where expires_at <= ? fetch first " + DELETE_CHUNK + " rows only)",
                        now);
                deleted += chunk;
            } while (chunk == DELETE_CHUNK);
            return deleted;
        } catch (DataAccessException e) {
            failed("expiry", e);
            return deleted;
        }
    }

    /** Deletes expired rows every {@code period}, from now until {@link #close()}. */
    public void sweepEvery(Duration period) {
        // deleteExpired reports its own failures (failed), so the future has nothing to tell; close() cancels it.
        var unused = sweeper.scheduleWithFixedDelay(
                this::deleteExpired, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the expiry and lets queued writes finish. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        writer.stop();
    }

    /** The retry key holds the client's hookInstance: the table holds only its hash, of fixed length. */
    private static String rowKey(String retryKey) {
        return Hashes.sha256(retryKey);
    }

    private void failed(String what, DataAccessException e) {
        failures.increment();
        backOff();
        log.warn("shared hook-response store: {} failed: {}", what, e.getClass().getSimpleName());
    }

    private void backOff() {
        databaseBackOffUntil = clock.instant().plus(BACK_OFF);
    }
}
