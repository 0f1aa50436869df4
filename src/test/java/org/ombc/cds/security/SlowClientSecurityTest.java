package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.RawHttp;
import org.ombc.cds.support.SecuredServer;
import org.ombc.cds.support.SecuredServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * 200 authenticated clients trickling a request body at 1 byte/s (on loopback, bounded, stopped by the test) must
 * not stop discovery, health and a normal hook call from answering within 1 s.
 */
@SecuredServerTest
class SlowClientSecurityTest {

    private static final int SLOW_CLIENTS = 200;

    @LocalServerPort
    int port;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @Autowired
    ServletWebServerApplicationContext context;

    private int busyThreads() {
        var executor = ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getConnector()
                .getProtocolHandler()
                .getExecutor();
        return executor instanceof ThreadPoolExecutor pool ? pool.getActiveCount() : -1;
    }

    private long millis(String method, String path, String body, String... headers) throws IOException {
        return millis(port, method, path, body, headers);
    }

    private long millis(int onPort, String method, String path, String body, String... headers) throws IOException {
        long started = System.nanoTime();
        RawHttp.Answer answer = RawHttp.send(onPort, method, path, body, headers);
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.status()).as("%s %s: %s", method, path, answer.body()).isEqualTo(200);
        return elapsed;
    }

    private long hookCall() throws IOException {
        return millis(
                "POST",
                SecuredServer.SERVICE,
                HookRequests.text(HookRequests.load("polymetastatic")),
                "Authorization: " + SecuredServer.bearer(port, SecuredServer.SERVICE));
    }

    @Test
    void twoHundredTricklingBodiesDoNotStopDiscoveryHealthOrAHookCall() throws Exception {
        hookCall(); // warm
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(30_000);
                String head = "POST " + SecuredServer.SERVICE + " HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nAuthorization: " + SecuredServer.bearer(port, SecuredServer.SERVICE)
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            // The trickle ends with its executor; the future has nothing to report.
            var unused = trickle.scheduleAtFixedRate(
                    () -> {
                        for (Socket socket : slow) {
                            try {
                                OutputStream out = socket.getOutputStream();
                                out.write(' ');
                                out.flush();
                            } catch (IOException closedByServer) {
                                // the server cut this client: what it should do
                            }
                        }
                    },
                    0,
                    1,
                    TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> busyThreads() >= SLOW_CLIENTS * 3 / 4);

            assertThat(millis("GET", "/cds-services", null)).as("discovery ms").isLessThan(1000);
            assertThat(millis(managementPort, "GET", "/actuator/health", null))
                    .as("health ms")
                    .isLessThan(1000);
            assertThat(hookCall()).as("hook call ms").isLessThan(1000);

        } finally {
            trickle.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
