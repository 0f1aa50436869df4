package org.ombc.cds.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Writes items to the database in batches on one background thread (group commit): from the first item, the
 * writer gathers what is offered for at most {@code window} (or until {@code maxBatch} items), then the batch goes
 * to the {@link Sink} in one call, which writes it in one transaction. Under load the writer keeps up with the hook
 * instead of falling behind one transaction (one file write) per call, and the window bounds how many commits a
 * busy hook costs: each commit of the embedded store rewrites the index pages it touches (measured: 12.3 KB of
 * file per call with a 50 ms window, 7.0 KB with 200 ms; issue 13). An item is therefore committed within about
 * the window plus two batch writes of being offered (the batch in flight and its own), sooner when someone waits
 * for it ({@link #awaitDone}). On a graceful stop the queue is
 * drained before the database closes. Metrics, under the given prefix: {@code .queue.depth} (gauge),
 * {@code .writes}, {@code .failures} (a failed write, or an item dropped because the queue was full) and
 * {@code .batch} (time per batch).
 *
 * @param <T> what is queued: a row, or a supplier that builds the row on the writer thread
 */
public final class GroupCommitWriter<T> implements SmartLifecycle {

    /** Writes one batch in one transaction; returns how many items it stored (the rest are counted as failed). */
    @FunctionalInterface
    public interface Sink<T> {
        int write(List<T> batch);
    }

    private static final long DRAIN_MILLIS = 30_000;
    private static final long FLUSH_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final String name;
    private final int maxBatch;
    private final long windowNanos;
    private final Sink<T> sink;
    private final BlockingQueue<T> queue;
    private final Counter failures;
    private final Counter written;
    private final Timer batches;
    private volatile boolean running;
    private final AtomicInteger unwritten = new AtomicInteger();
    /** Guards {@link #offered} and {@link #done}; notified after each batch. */
    private final Object progress = new Object();

    private long offered;
    private volatile long done;
    /** Items someone waits for ({@link #awaitDone}): the batch being gathered is written as soon as it holds them. */
    private volatile long flushThrough;

    private @Nullable Thread thread;

    /**
     * @param name         the writer thread's name, also used in log lines
     * @param metricPrefix e.g. {@code ombc.audit}
     */
    public GroupCommitWriter(
            String name,
            String metricPrefix,
            int queueSize,
            int maxBatch,
            Duration window,
            Sink<T> sink,
            MeterRegistry meters) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.windowNanos = window.toNanos();
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.failures = meters.counter(metricPrefix + ".failures");
        this.written = meters.counter(metricPrefix + ".writes");
        this.batches = Timer.builder(metricPrefix + ".batch")
                .description("one batch written in one transaction")
                .register(meters);
        Gauge.builder(metricPrefix + ".queue.depth", queue, BlockingQueue::size)
                .description("items waiting to be written")
                .register(meters);
    }

    /**
     * Queues one item without waiting.
     *
     * @return false when the queue is full: the item is dropped and counted as a failure
     */
    public boolean offer(T item) {
        return offerMarked(item) > 0;
    }

    /**
     * Queues one item without waiting; returns its sequence number, a mark for {@link #awaitDone} (1 for the first
     * item), or 0 when the queue is full: the item is dropped and counted as a failure.
     */
    public long offerMarked(T item) {
        unwritten.incrementAndGet();
        synchronized (progress) { // the sequence number follows the queue's order
            if (queue.offer(item)) {
                return ++offered;
            }
        }
        unwritten.decrementAndGet();
        failures.increment();
        return 0;
    }

    public int depth() {
        return queue.size();
    }

    /**
     * Waits until the first {@code mark} items accepted have been written (or counted as failed), at most
     * {@code timeout}. Returns whether they have.
     */
    public boolean awaitDone(long mark, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            if (mark > flushThrough) {
                flushThrough = mark;
            }
            while (done < mark) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    /** Items accepted and not yet written or counted as failed: the queue and the batch being gathered or written. */
    public int unwritten() {
        return unwritten.get();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
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
            log.warn("{} still busy after {} ms at shutdown; {} item(s) not written", name, DRAIN_MILLIS, queue.size());
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
        List<T> pending = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                T first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                pending.add(first);
                gather(pending, System.nanoTime() + windowNanos);
                write(pending);
            } catch (InterruptedException e) {
                if (!running) {
                    Thread.currentThread().interrupt();
                    break;
                }
            } finally {
                unwritten.addAndGet(-pending.size());
                synchronized (progress) {
                    done += pending.size();
                    progress.notifyAll();
                }
                pending.clear();
            }
        }
    }

    /** Adds what is offered until {@code deadline} or a full batch; at a stop, only what is already queued. */
    private void gather(List<T> pending, long deadline) {
        queue.drainTo(pending, maxBatch - pending.size());
        long before = done;
        while (running && pending.size() < maxBatch && !holdsAWaitedItem(before, pending.size())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            T next;
            try {
                // In slices, so that a waiter (flushThrough) is served without waiting out the window.
                next = queue.poll(Math.min(left, FLUSH_CHECK_NANOS), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // what is gathered is still written
                return;
            }
            if (next != null) {
                pending.add(next);
                queue.drainTo(pending, maxBatch - pending.size());
            }
        }
    }

    /** Whether a batch after {@code before} items done, holding {@code size}, completes what a waiter waits for. */
    private boolean holdsAWaitedItem(long before, int size) {
        long waited = flushThrough;
        return waited > before && before + size >= waited;
    }

    private void write(List<T> pending) {
        long started = System.nanoTime();
        try {
            int stored = sink.write(pending);
            written.increment(stored);
            failures.increment(pending.size() - stored);
        } catch (RuntimeException e) {
            failures.increment(pending.size());
            log.warn(
                    "{}: batch of {} not stored: {}",
                    name,
                    pending.size(),
                    e.getClass().getSimpleName());
        } finally {
            batches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
