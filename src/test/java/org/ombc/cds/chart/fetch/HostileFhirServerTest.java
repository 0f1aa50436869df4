package org.ombc.cds.chart.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.support.FhirServerStub.fhir;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombc.cds.support.FhirServerStub;
import org.ombc.cds.support.Vignettes;

/**
 * The fallback against hostile FHIR servers (issue 11): silent, trickling, oversized, many at once, and URLs
 * that would leave the allow-list once decoded. Each case is a named test.
 */
class HostileFhirServerTest {

    private static final FhirServerStub STUB = new FhirServerStub();
    private static final WireMockServer WM = STUB.server();
    /** Two parsing threads for every call of every test: slow servers must not need more. */
    private static final ExecutorService PARSERS = Executors.newFixedThreadPool(2);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String EMPTY = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}";
    private static final long MB = 1L << 20;

    @BeforeAll
    static void warmUp() throws Exception {
        HTTP.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(STUB.baseUrl() + "/warm-up"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        Vignettes.FHIR.parse(EMPTY);
    }

    @BeforeEach
    void reset() {
        WM.resetAll();
    }

    @AfterAll
    static void stop() {
        STUB.close();
        PARSERS.shutdownNow();
    }

    private static FhirFetcher fetcher(Duration timeout, long maxBytes) {
        return new FhirFetcher(
                Vignettes.FHIR,
                HTTP,
                PARSERS,
                new AllowedServers(List.of("http://localhost", "http://127.0.0.1")),
                new PrefetchTemplates(Vignettes.TERMINOLOGY),
                timeout,
                5,
                maxBytes,
                Caffeine.newBuilder().maximumSize(0).build(),
                new SimpleMeterRegistry());
    }

    private static FetchFailure conditions(FhirFetcher fetcher, String server) {
        return fetcher.fetch(server, "t", "p1", EnumSet.of(PrefetchKey.CONDITIONS))
                .get(PrefetchKey.CONDITIONS)
                .failure();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void aServerThatNeverAnswersTimesOutAtTheDeadline() throws Exception {
        try (ServerSocket silent = silentServer()) {
            long started = System.nanoTime();
            assertThat(conditions(fetcher(Duration.ofMillis(500), MB), base(silent)))
                    .isEqualTo(FetchFailure.TIMEOUT);
            assertThat(millisSince(started)).isLessThan(1500);
        }
    }

    @Test
    void theDeadlineCoversTheBodyNotOnlyTheHeaders() {
        // Headers at once, then the body a few bytes at a time over 5 s.
        WM.stubFor(get(urlPathEqualTo("/fhir/Condition"))
                .willReturn(fhir(EMPTY + " ".repeat(400)).withChunkedDribbleDelay(50, 5000)));
        long started = System.nanoTime();
        assertThat(conditions(fetcher(Duration.ofMillis(600), MB), STUB.baseUrl()))
                .isEqualTo(FetchFailure.TIMEOUT);
        assertThat(millisSince(started)).isLessThan(2000);
    }

    @Test
    void aCancelledFetchClosesItsConnectionAtOnce() throws Exception {
        CountDownLatch accepted = new CountDownLatch(1);
        AtomicLong closedAt = new AtomicLong();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread trickler = new Thread(() -> {
                try (Socket socket = server.accept();
                        OutputStream out = socket.getOutputStream()) {
                    accepted.countDown();
                    out.write(String.join(
                                    "\r\n",
                                    "HTTP/1.1 200 OK",
                                    "Content-Type: application/fhir+json",
                                    "Transfer-Encoding: chunked",
                                    "",
                                    "")
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 400; i++) {
                        out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(25);
                    }
                } catch (IOException e) {
                    closedAt.set(System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            trickler.start();
            assertThat(conditions(fetcher(Duration.ofMillis(400), MB), base(server)))
                    .isEqualTo(FetchFailure.TIMEOUT);
            long returned = System.nanoTime();
            assertThat(accepted.await(1, TimeUnit.SECONDS)).isTrue();
            trickler.join(3000);
            assertThat(closedAt.get())
                    .as("the server saw the connection closed")
                    .isNotZero();
            assertThat((closedAt.get() - returned) / 1_000_000)
                    .as("ms after the fetch returned")
                    .isLessThan(1000);
        }
    }

    @Test
    void anAnswerDeclaredLargerThanTheCapIsRefusedUnread() {
        WM.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(fhir(EMPTY + " ".repeat(3 * (int) MB))));
        assertThat(conditions(fetcher(Duration.ofSeconds(2), MB), STUB.baseUrl()))
                .isEqualTo(FetchFailure.TOO_LARGE);
    }

    @Test
    void aChunkedAnswerIsRefusedAsSoonAsItPassesTheCap() {
        // 3 MB in chunks over 8 s: read whole, it would time out; counted as it arrives, it is too large early.
        WM.stubFor(get(urlPathEqualTo("/fhir/Condition"))
                .willReturn(fhir(EMPTY + " ".repeat(3 * (int) MB)).withChunkedDribbleDelay(300, 8000)));
        long started = System.nanoTime();
        assertThat(conditions(fetcher(Duration.ofSeconds(6), MB), STUB.baseUrl()))
                .isEqualTo(FetchFailure.TOO_LARGE);
        assertThat(millisSince(started)).isLessThan(5000);
    }

    @Test
    void anAnswerUnderTheCapIsRead() {
        WM.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(fhir(EMPTY + " ".repeat((int) MB / 2))));
        assertThat(conditions(fetcher(Duration.ofSeconds(2), MB), STUB.baseUrl()))
                .isNull();
    }

    @Test
    void sixSlowServersAtOnceDoNotFailASeventhHealthyCall() throws Exception {
        WM.stubFor(get(anyUrl()).willReturn(fhir(EMPTY)));
        WM.stubFor(get(urlPathEqualTo("/fhir/Patient/p1"))
                .willReturn(fhir("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
        FhirFetcher fetcher = fetcher(Duration.ofSeconds(3), MB);
        List<SilentServer> slow = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Map<PrefetchKey, FhirFetcher.Result>>> pending = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                SilentServer server = new SilentServer();
                slow.add(server);
                pending.add(CompletableFuture.supplyAsync(
                        () -> fetcher.fetch(server.base(), "t", "p1", EnumSet.allOf(PrefetchKey.class)), callers));
            }
            // The six hold 42 exchanges open; the seventh call, to a healthy server, is not queued behind them.
            for (SilentServer server : slow) {
                assertThat(server.connected.tryAcquire(PrefetchKey.values().length, 5, TimeUnit.SECONDS))
                        .isTrue();
            }
            long started = System.nanoTime();
            Map<PrefetchKey, FhirFetcher.Result> healthy =
                    fetcher.fetch(STUB.baseUrl(), "t", "p1", EnumSet.allOf(PrefetchKey.class));
            long healthyMillis = millisSince(started);
            assertThat(healthy.values()).allSatisfy(r -> assertThat(r.failure()).isNull());
            assertThat(healthyMillis).isLessThan(1500);
            for (var call : pending) {
                assertThat(call.get(5, TimeUnit.SECONDS).values())
                        .allSatisfy(r -> assertThat(r.failure()).isEqualTo(FetchFailure.TIMEOUT));
            }
        } finally {
            callers.shutdownNow();
            for (SilentServer server : slow) {
                server.close();
            }
        }
    }

    /**
     * Spellings that a server or proxy could decode to a path off the allow-list: refused in fhirServer and in
     * a next link, and the server is never called.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"..", "%2e%2e", "%2E%2e", ".%2e", "%252e%252e", "..;", "%5c..%5c", "%00", ".", "%2f"})
    void pathsThatChangeMeaningOnceDecodedAreRefused(String spelling) {
        WM.stubFor(get(anyUrl()).willReturn(fhir(EMPTY)));
        String server = STUB.baseUrl() + "/" + spelling + "/admin";
        assertThat(conditions(fetcher(Duration.ofSeconds(2), MB), server)).isEqualTo(FetchFailure.NOT_ALLOWED);
        WM.verify(0, getRequestedFor(anyUrl()));

        String page1 = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\",\"url\":\""
                + STUB.baseUrl() + "/" + spelling + "/admin?page=2\"}]}";
        WM.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(fhir(page1)));
        assertThat(conditions(fetcher(Duration.ofSeconds(2), MB), STUB.baseUrl()))
                .isEqualTo(FetchFailure.NOT_ALLOWED);
        WM.verify(1, getRequestedFor(anyUrl()));
    }

    /** A server that accepts connections, counts them, and never answers. */
    private static final class SilentServer implements AutoCloseable {
        final java.util.concurrent.Semaphore connected = new java.util.concurrent.Semaphore(0);
        private final ServerSocket socket;
        private final List<Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            socket = silentServer();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        open.add(socket.accept());
                        connected.release();
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String base() {
            return HostileFhirServerTest.base(socket);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    /** A server that completes connections (the kernel's backlog) and never reads nor answers. */
    private static ServerSocket silentServer() throws IOException {
        return new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    }

    private static String base(ServerSocket server) {
        return "http://127.0.0.1:" + server.getLocalPort() + "/fhir";
    }
}
