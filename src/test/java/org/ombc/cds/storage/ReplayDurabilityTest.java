package org.ombc.cds.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.security.DevIssuerCommand;
import org.ombc.cds.support.ClasspathApp;
import org.ombc.cds.support.StoreArguments;

/**
 * A JWT accepted once is refused after a crash: the real application as a process with JWTs required, {@code kill
 * -9} the moment each call with a fresh token has been answered 200, ten times per store (the embedded H2
 * default, SQLite with WAL and {@code synchronous=FULL}, and PostgreSQL when {@code OMBC_TEST_POSTGRES_URL} is
 * set). After each restart, the token of the call before the kill is a replay (401), every time.
 */
class ReplayDurabilityTest {

    static final int KILLS = StoreArguments.KILLS;
    private static final String PUBLIC_URL = "https://ombc.test";
    private static final String AUDIENCE = PUBLIC_URL + "/cds-services/ombc-patient-view";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAcceptedTokenStaysUsedAfterKill9OnTheEmbeddedDefaultSqlite(@TempDir Path dir) throws Exception {
        survivesKill9(dir, StoreArguments.EMBEDDED_DEFAULT);
    }

    @Test
    void everyAcceptedTokenStaysUsedAfterKill9OnH2(@TempDir Path dir) throws Exception {
        survivesKill9(dir, StoreArguments.H2);
    }

    @Test
    void everyAcceptedTokenStaysUsedAfterKill9OnPostgresql(@TempDir Path dir) throws Exception {
        StoreArguments.onFreshPostgresSchema(database -> survivesKill9(dir, database));
    }

    private void survivesKill9(Path dir, List<String> database) throws Exception {
        Path keys = dir.resolve("keys");
        DevIssuerCommand.ensureKeys(keys, DevIssuerCommand.DEFAULT_ISS);
        List<String> args = new ArrayList<>(List.of(
                "--ombc.public-base-url=" + PUBLIC_URL,
                "--ombc.security.trusted-issuers[0].iss=" + DevIssuerCommand.DEFAULT_ISS,
                "--ombc.security.trusted-issuers[0].jwks-file=" + keys.resolve("jwks.json")));
        args.addAll(database);
        String request = Files.readString(Path.of("src/test/load/full-chart.request.json"));
        String accepted = null;
        int refusedAfterRestart = 0;
        for (int i = 0; i <= KILLS; i++) {
            try (ClasspathApp app = ClasspathApp.start(dir, List.of(), args)) {
                if (accepted != null) {
                    assertThat(call(app, request, accepted).statusCode())
                            .as("the token answered 200 before kill -9 number " + i + ", sent again")
                            .isEqualTo(401);
                    refusedAfterRestart++;
                }
                if (i == KILLS) {
                    break;
                }
                String token = DevIssuerCommand.token(keys, AUDIENCE, null, Duration.ofMinutes(20), Instant.now());
                HttpResponse<String> first = call(app, request, token);
                assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
                app.kill();
                accepted = token;
            }
        }
        assertThat(refusedAfterRestart).isEqualTo(KILLS);
    }

    private HttpResponse<String> call(ClasspathApp app, String request, String token) throws Exception {
        String body = request.replaceFirst(
                "\"hookInstance\"\\s*:\\s*\"[^\"]*\"", "\"hookInstance\":\"" + UUID.randomUUID() + "\"");
        return http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/cds-services/ombc-patient-view"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
