package org.ombc.cds.config;

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
 * The default (secured) profile as an operator deploys it: health and metrics off the public port (a caller on
 * the network reaches the CDS service, the operator's monitoring reaches the management port); the API
 * description readable without a token; no Swagger UI.
 */
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:default-profile-ops-tests;DB_CLOSE_DELAY=-1")
class DefaultProfileOpsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int publicPort;

    @LocalManagementPort
    int managementPort;

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void actuatorIsOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(publicPort);
        assertThat(get(managementPort, "/actuator/health").body()).contains("\"UP\"");
        assertThat(get(managementPort, "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(get(managementPort, "/actuator/info").body()).contains("\"knowledge\"");
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/info"}) {
            assertThat(get(publicPort, path).statusCode())
                    .as(path + " on the public port")
                    .isEqualTo(404);
        }
        assertThat(get(publicPort, "/cds-services").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionNeedsNoTokenAndSwaggerUiIsOff() throws Exception {
        HttpResponse<String> docs = get(publicPort, "/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/cds-services/{id}\"", "\"/ombc/assessment\"", "CDS Hooks 2.0");
        assertThat(get(publicPort, "/swagger-ui/index.html").statusCode()).isEqualTo(404);
        assertThat(get(publicPort, "/swagger-ui.html").statusCode()).isEqualTo(404);
    }
}
