import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed-rate client of the load run (run.sh): RATE calls a second, each with a fresh hookInstance, sent on a
 * schedule that never waits for answers (clinicians' clicks do not wait for each other), each timed from when it was
 * due, so a slow answer shows in its own latency and delays no later call's clock. wrk cannot hold a rate: its
 * {@code delay()} only spaces the calls of one connection, whose rate then falls as latency grows. The first
 * WARM_SECONDS at the same rate are not counted (the client's own JIT and connection set-up).
 *
 * <p>Usage: {@code java FixedRate.java URL RATE SECONDS REQUEST_FILE [WARM_SECONDS]}; prints
 * {@code FIXED <calls/s sent> <p50 ms> <p99 ms> <max ms> <errors> <calls>}.
 */
public class FixedRate {

    private static final Pattern HOOK_INSTANCE = Pattern.compile("\"hookInstance\"\\s*:\\s*\"[^\"]*\"");

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String template = Files.readString(Path.of(args[3]));
        int warmSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        run(client, uri, rate, warmSeconds, template);
        Result result = run(client, uri, rate, seconds, template);
        long[] sorted = result.latencyNanos();
        Arrays.sort(sorted);
        System.out.printf(
                "FIXED %.1f %.2f %.2f %.2f %d %d%n",
                result.calls() / result.seconds(),
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 99)),
                millis(sorted[sorted.length - 1]),
                result.errors(),
                result.calls());
    }

    private record Result(long[] latencyNanos, int errors, int calls, double seconds) {}

    private static Result run(HttpClient client, URI uri, int rate, int seconds, String template)
            throws InterruptedException {
        int calls = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        AtomicLongArray latency = new AtomicLongArray(calls);
        long[] due = new long[calls];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(calls);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < calls; i++) {
            due[i] = start + i * periodNanos;
            String body = HOOK_INSTANCE
                    .matcher(template)
                    .replaceFirst(Matcher.quoteReplacement("\"hookInstance\":\"" + UUID.randomUUID() + "\""));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            for (long wait = due[i] - System.nanoTime(); wait > 0; wait = due[i] - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                latency.set(index, System.nanoTime() - due[index]);
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                done.countDown();
            });
        }
        double elapsed = (System.nanoTime() - start + periodNanos) / 1e9;
        // A call still unanswered 15 s after the last was sent is an error, timed until now (the client's own
        // timeout is 10 s, so this only catches a client that hangs).
        int unanswered = done.await(15, TimeUnit.SECONDS) ? 0 : (int) done.getCount();
        long[] latencyNanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            latencyNanos[i] = latency.get(i) > 0 ? latency.get(i) : System.nanoTime() - due[i];
        }
        return new Result(latencyNanos, errors.get() + unanswered, calls, elapsed);
    }

    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
