package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.support.AppProcess;
import org.ombc.cds.support.HookRequests;

/**
 * The walk-through of the secured service (docs/operations.md), run for real: the jar makes the development
 * issuer's keys, the service starts in its default (secured) profile trusting them, the jar's {@code token}
 * command prints a JWT, and {@code curl} with it gets cards. Also: the actuator is on the management port only.
 */
class DevIssuerTokenIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenFromTheTokenCommandGetsCardsFromTheSecuredService(@TempDir Path dir) throws Exception {
        AppProcess.Result keys = AppProcess.command(dir, "dev-keys", "--dir", "keys");
        assertThat(keys.exitCode()).as(keys.err()).isZero();
        assertThat(keys.err()).contains("generated");
        assertThat(Files.getPosixFilePermissions(dir.resolve("keys/private.jwk.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String publicKeys = Files.readString(dir.resolve("keys/jwks.json"));
        JsonNode publicKey = JSON.readTree(publicKeys).at("/keys/0");
        assertThat(publicKey.get("kty").asText()).isEqualTo("EC");
        assertThat(publicKey.has("d"))
                .as("no private part in the public key set")
                .isFalse();
        assertThat(JSON.readTree(dir.resolve("keys/private.jwk.json").toFile())
                        .at("/keys/0")
                        .has("d"))
                .isTrue();
        AppProcess.Result again = AppProcess.command(dir, "dev-keys", "--dir", "keys");
        assertThat(again.err()).contains("kept");
        assertThat(Files.readString(dir.resolve("keys/jwks.json")))
                .as("a second start keeps the key pair")
                .isEqualTo(publicKeys);

        String publicBaseUrl = "http://cds.hospital.test";
        try (AppProcess app = AppProcess.start(
                dir,
                List.of(
                        "--spring.datasource.url=jdbc:h2:file:"
                                + dir.resolve("db/ombc").toAbsolutePath(),
                        "--ombc.public-base-url=" + publicBaseUrl,
                        "--ombc.security.trusted-issuers[0].iss=" + DevIssuerCommand.DEFAULT_ISS,
                        "--ombc.security.trusted-issuers[0].jwks-file="
                                + dir.resolve("keys/jwks.json").toAbsolutePath()))) {
            String service = "/cds-services/ombc-patient-view";
            ObjectNode request = HookRequests.load("ombc-candidate");
            request.put("hookInstance", UUID.randomUUID().toString());
            String body = HookRequests.text(request);

            HttpResponse<String> unsigned = post(app.baseUrl() + service, body, null);
            assertThat(unsigned.statusCode())
                    .as("the default profile is secured")
                    .isEqualTo(401);

            AppProcess.Result token =
                    AppProcess.command(dir, "token", "--dir", "keys", "--aud", publicBaseUrl + service);
            assertThat(token.exitCode()).as(token.err()).isZero();
            String jwt = token.out().trim();
            assertThat(jwt).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

            HttpResponse<String> signed = post(app.baseUrl() + service, body, jwt);
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
            JsonNode cards = JSON.readTree(signed.body()).get("cards");
            assertThat(cards.get(0).get("indicator").asText()).isEqualTo("warning");

            HttpResponse<String> replayed = post(app.baseUrl() + service, body, jwt);
            assertThat(replayed.statusCode()).as("a token is good for one call").isEqualTo(401);
            assertThat(replayed.body()).contains("replayed");

            AppProcess.Result wrongAudience =
                    AppProcess.command(dir, "token", "--dir", "keys", "--aud", "http://elsewhere.test" + service);
            assertThat(post(app.baseUrl() + service, body, wrongAudience.out().trim())
                            .statusCode())
                    .isEqualTo(401);

            assertThat(get(app.managementUrl() + "/actuator/health").body()).contains("UP");
            assertThat(get(app.managementUrl() + "/actuator/info").body()).contains("\"knowledge\"", "\"build\"");
            assertThat(get(app.baseUrl() + "/actuator/health").statusCode())
                    .as("not on the public port")
                    .isEqualTo(404);
        }
    }

    @Test
    void theTokenCommandExplainsWhatItNeeds(@TempDir Path dir) throws Exception {
        AppProcess.Result noAudience = AppProcess.command(dir, "token", "--dir", "keys");
        assertThat(noAudience.exitCode()).isEqualTo(2);
        assertThat(noAudience.err()).contains("--aud");
        AppProcess.Result noKeys = AppProcess.command(dir, "token", "--dir", "keys", "--aud", "http://x.test/");
        assertThat(noKeys.exitCode()).isEqualTo(1);
        assertThat(noKeys.err()).contains("dev-keys");
        assertThat(noKeys.out()).isEmpty();
    }

    private HttpResponse<String> post(String url, String body, String jwt) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (jwt != null) {
            request.header("Authorization", "Bearer " + jwt);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
