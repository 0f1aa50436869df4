package org.ombc.cds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The default profile keeps health and metrics off the public port: a load balancer or a caller on the network
 * reaches the CDS service, an operator's monitoring reaches the management port.
 */
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:management-port-tests;DB_CLOSE_DELAY=-1")
class ManagementPortTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int publicPort;

    @LocalManagementPort
    int managementPort;

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void actuatorIsOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(publicPort);
        assertThat(get(managementPort, "/actuator/health").body()).contains("\"UP\"");
        assertThat(get(managementPort, "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(get(managementPort, "/actuator/info").body()).contains("\"knowledge\"");
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/info"}) {
            assertThat(get(publicPort, path).statusCode()).as(path + " on the public port").isEqualTo(404);
        }
        assertThat(get(publicPort, "/cds-services").statusCode()).isEqualTo(200);
    }
}
