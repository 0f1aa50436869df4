package org.ombc.cds.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Writes audited calls in batches on one background thread (group commit): whatever is queued when the writer comes
 * round, up to {@link #MAX_BATCH} calls, goes to the database in one transaction. At a low rate a call is written
 * alone and at once; under load batches grow, so the writer keeps up with the hook instead of falling behind one
 * transaction per call. A call is therefore committed within about two batch writes of its answer (the batch in
 * flight and its own). On a graceful stop the queue is drained before the database closes. The queue depth is the
 * gauge {@code ombc.audit.queue.depth}; a full queue drops the call and counts it in {@code ombc.audit.failures}.
 */
public final class AuditBatchWriter implements SmartLifecycle {

    static final int MAX_BATCH = 500;
    private static final long DRAIN_MILLIS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(AuditBatchWriter.class);

    private final AuditStore store;
    private final BlockingQueue<Supplier<HookCallRow>> queue;
    private final Counter failures;
    private final Counter written;
    private final Timer batches;
    private volatile boolean running;
    private Thread thread;

    public AuditBatchWriter(AuditStore store, int queueSize, MeterRegistry meters) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.failures = meters.counter("ombc.audit.failures");
        this.written = meters.counter("ombc.audit.writes");
        this.batches = Timer.builder("ombc.audit.batch").description("one audit batch written in one transaction")
                .register(meters);
        Gauge.builder("ombc.audit.queue.depth", queue, BlockingQueue::size)
                .description("audited calls waiting to be written").register(meters);
    }

    /**
     * Queues one call; the row is built on the writer thread (its patient hash may need the database).
     *
     * @return false when the queue is full: the call is dropped and counted
     */
    public boolean offer(Supplier<HookCallRow> row) {
        if (queue.offer(row)) {
            return true;
        }
        failures.increment();
        return false;
    }

    public int depth() {
        return queue.size();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Drains what is queued (the web server has stopped taking calls by now: see {@link #getPhase()}). */
    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        try {
            thread.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("audit writer still busy after {} ms at shutdown; {} call(s) not written", DRAIN_MILLIS,
                    queue.size());
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped after the web server (whose graceful stop runs at a higher phase) and before the database closes. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void run() {
        List<Supplier<HookCallRow>> pending = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Supplier<HookCallRow> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                pending.add(first);
                queue.drainTo(pending, MAX_BATCH - 1);
                write(pending);
            } catch (InterruptedException e) {
                if (!running) {
                    Thread.currentThread().interrupt();
                    break;
                }
            } finally {
                pending.clear();
            }
        }
    }

    private void write(List<Supplier<HookCallRow>> pending) {
        List<HookCallRow> rows = new ArrayList<>(pending.size());
        for (Supplier<HookCallRow> row : pending) {
            try {
                rows.add(row.get());
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("audit row not built: {}", e.getClass().getSimpleName());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            store.recordCalls(rows);
            written.increment(rows.size());
        } catch (RuntimeException e) {
            failures.increment(rows.size());
            log.warn("audit batch of {} call(s) not stored: {}", rows.size(), e.getClass().getSimpleName());
        } finally {
            batches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
