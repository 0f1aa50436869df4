package org.ombc.cds.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The group-commit writer's promise to whoever waits for an item: done means written, never earlier. */
class GroupCommitWriterTest {

    private final List<String> written = new CopyOnWriteArrayList<>();

    @Test
    void aWaiterIsReleasedOnlyOnceItsItemIsWritten() throws Exception {
        CountDownLatch database = new CountDownLatch(1);
        GroupCommitWriter<String> writer = writer(Duration.ofMillis(1), database);
        writer.start();
        try {
            long first = writer.offerMarked("card-1");
            long second = writer.offerMarked("card-2");
            assertThat(second).isGreaterThan(first).isPositive();
            assertThat(writer.awaitDone(second, Duration.ofMillis(300)))
                    .as("the database is stuck")
                    .isFalse();
            assertThat(written).isEmpty();
            database.countDown();
            assertThat(writer.awaitDone(second, Duration.ofSeconds(10))).isTrue();
            assertThat(written).contains("card-1", "card-2");
            assertThat(writer.unwritten()).isZero();
        } finally {
            database.countDown();
            writer.stop();
        }
    }

    @Test
    void aWaiterDoesNotWaitOutTheBatchWindow() throws Exception {
        GroupCommitWriter<String> writer = writer(Duration.ofSeconds(30), new CountDownLatch(0));
        writer.start();
        try {
            long mark = writer.offerMarked("card-1");
            assertThat(writer.awaitDone(mark, Duration.ofSeconds(5)))
                    .as("written long before the 30 s window")
                    .isTrue();
            assertThat(written).containsExactly("card-1");
        } finally {
            writer.stop();
        }
    }

    /** A writer that gathers for {@code window} and writes into {@link #written} once {@code database} opens. */
    private GroupCommitWriter<String> writer(Duration window, CountDownLatch database) {
        return new GroupCommitWriter<>(
                "test-writer",
                "test",
                100,
                10,
                window,
                batch -> {
                    await(database);
                    written.addAll(batch);
                    return batch.size();
                },
                new SimpleMeterRegistry());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
