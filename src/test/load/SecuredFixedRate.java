import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.ombc.cds.security.DevIssuerCommand;

/**
 * Open-loop load client of stores.sh: sends the request file at a fixed rate (wrk has none), each call with a fresh
 * development-issuer JWT (signed just before it is sent, so a short token lifetime is realistic; the same claims as
 * {@code DevIssuerCommand.token}, with the key read once so the client's own cost stays small) and a fresh
 * hookInstance. A call is sent on schedule whether or not earlier ones have answered, so a slow store shows up in the
 * latencies instead of lowering the rate. Latency runs from the send to the last byte of the answer.
 *
 * <p>Usage: java -cp CLASSPATH SecuredFixedRate.java KEY_DIR URL REQUEST_FILE CALLS_PER_SECOND SECONDS TOKEN_SECONDS
 * WARM_SECONDS PROGRESS_FILE. Writes "answered errors" to PROGRESS_FILE every second; prints one line
 * {@code FIXED sent answered errors p50-ms p99-ms p999-ms max-ms late-ms}, latencies of the calls sent at the full
 * rate (after the WARM_SECONDS ramp),
 * late-ms being the longest the client itself fell behind its schedule (its own noise, to be read beside the p99).
 */
public class SecuredFixedRate {

    public static void main(String[] args) throws Exception {
        Path keys = Path.of(args[0]);
        URI url = URI.create(args[1]);
        String template = Files.readString(Path.of(args[2]));
        double rate = Double.parseDouble(args[3]);
        long seconds = Long.parseLong(args[4]);
        Duration tokenLifetime = Duration.ofSeconds(Long.parseLong(args[5]));
        long warmNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[6]));
        Path progress = Path.of(args[7]);

        DevIssuerCommand.ensureKeys(keys, DevIssuerCommand.DEFAULT_ISS);
        ECKey key = JWKSet.load(keys.resolve("private.jwk.json").toFile())
                .getKeys()
                .get(0)
                .toECKey();
        ECDSASigner signer = new ECDSASigner(key);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        String iss = Files.readString(keys.resolve("iss")).trim();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        // The first WARM_SECONDS ramp up linearly from 0 to the rate: a cold JVM (JIT, pools) hit with the full rate
        // at once can pile up calls past its heap on a busy machine and never recover.
        double warm = warmNanos / 1e9;
        int rampCalls = (int) Math.floor(rate * warm / 2);
        int total = rampCalls + (int) Math.round(rate * Math.max(0, seconds - warm));
        long period = Math.round(1e9 / rate);
        long[] micros = new long[total];
        Arrays.fill(micros, -1);
        AtomicLong answered = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        long maxLate = 0;
        long start = System.nanoTime();
        long nextProgress = start;
        for (int i = 0; i < total; i++) {
            long due = start
                    + (i < rampCalls
                            ? Math.round(Math.sqrt(2.0 * warm * i / rate) * 1e9)
                            : warmNanos + (i - rampCalls) * period);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long late = System.nanoTime() - due;
            if (due - start >= warmNanos) {
                maxLate = Math.max(maxLate, late);
            }
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(
                    header,
                    new JWTClaimsSet.Builder()
                            .issuer(iss)
                            .subject("ombc-dev-client")
                            .audience(url.toString())
                            .issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plus(tokenLifetime)))
                            .jwtID(UUID.randomUUID().toString())
                            .build());
            jwt.sign(signer);
            String token = jwt.serialize();
            String body = template.replaceFirst(
                    "\"hookInstance\"\\s*:\\s*\"[^\"]*\"", "\"hookInstance\":\"" + UUID.randomUUID() + "\"");
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            int index = i;
            long sent = System.nanoTime();
            inFlight.incrementAndGet();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                long took = (System.nanoTime() - sent) / 1000;
                if (failure == null && response.statusCode() == 200) {
                    micros[index] = took;
                    answered.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                    String why = failure != null
                            ? String.valueOf(failure.getCause() != null ? failure.getCause() : failure)
                            : "HTTP " + response.statusCode();
                    failures.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
                }
                inFlight.decrementAndGet();
            });
            if (System.nanoTime() >= nextProgress) {
                writeProgress(progress, answered.get(), errors.get());
                nextProgress += TimeUnit.SECONDS.toNanos(1);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(35);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        writeProgress(progress, answered.get(), errors.get());
        int warmCalls = Math.min(total, rampCalls);
        long[] measured = Arrays.stream(micros, warmCalls, total)
                .filter(m -> m >= 0)
                .sorted()
                .toArray();
        System.out.printf(
                "FIXED %d %d %d %.2f %.2f %.2f %.2f %.2f%n",
                total,
                answered.get(),
                errors.get(),
                percentile(measured, 50),
                percentile(measured, 99),
                percentile(measured, 99.9),
                measured.length == 0 ? Double.NaN : measured[measured.length - 1] / 1000.0,
                maxLate / 1e6);
        failures.forEach((why, n) -> System.err.println("failed calls: " + n.get() + " x " + why));
        System.exit(0);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1000.0;
    }

    private static void writeProgress(Path file, long answered, long errors) throws Exception {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, answered + " " + errors + "\n");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
