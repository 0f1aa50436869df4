package org.ombc.cds.apps.worklist;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.worklist.ExportFailure.ExportException;
import org.ombc.cds.chart.fetch.AllowedServers;

/** SMART Backend Services: the token endpoint found by discovery, a private_key_jwt the EHR can verify. */
class BackendServicesTokenTest {

    @SuppressWarnings("NullAway.Init")
    private WireMockServer ehr;

    @BeforeEach
    void start() {
        ehr = new WireMockServer(options().dynamicPort());
        ehr.start();
    }

    @AfterEach
    void stop() {
        ehr.stop();
    }

    private String base() {
        return "http://localhost:" + ehr.port() + "/fhir";
    }

    @Test
    void theClientAssertionIsAnEs384JwtForTheTokenEndpointAndTheTokenComesBack() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_384).keyID("k1").generate();
        String tokenEndpoint = "http://localhost:" + ehr.port() + "/auth/token";
        ehr.stubFor(get(urlPathEqualTo("/fhir/.well-known/smart-configuration"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token_endpoint\":\"" + tokenEndpoint + "\"}")));
        ehr.stubFor(post(urlPathEqualTo("/auth/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":300}")));

        String token = new BackendServicesToken(
                        HttpClient.newHttpClient(),
                        new AllowedServers(List.of("http://localhost:" + ehr.port())),
                        "ombc-worklist",
                        key,
                        "system/Patient.read",
                        Duration.ofSeconds(5),
                        Clock.systemUTC())
                .token(base());

        assertThat(token).isEqualTo("tok-1");
        String form = ehr.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/auth/token"))
                .findFirst()
                .orElseThrow()
                .getRequest()
                .getBodyAsString();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&", -1)) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(fields)
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("scope", "system/Patient.read")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        SignedJWT assertion = SignedJWT.parse(fields.get("client_assertion"));
        assertThat(assertion.verify(new ECDSAVerifier(key.toECPublicKey()))).isTrue();
        assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
        assertThat(assertion.getHeader().getKeyID()).isEqualTo("k1");
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("ombc-worklist");
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("ombc-worklist");
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(tokenEndpoint);
        assertThat(assertion.getJWTClaimsSet().getJWTID()).isNotBlank();
    }

    @Test
    void aRefusedGrantIsUnauthorized() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_384).generate();
        ehr.stubFor(get(urlPathEqualTo("/fhir/.well-known/smart-configuration"))
                .willReturn(aResponse()
                        .withBody("{\"token_endpoint\":\"http://localhost:" + ehr.port() + "/auth/token\"}")));
        ehr.stubFor(post(urlPathEqualTo("/auth/token"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));
        BackendServicesToken tokens = new BackendServicesToken(
                HttpClient.newHttpClient(),
                new AllowedServers(List.of("http://localhost:" + ehr.port())),
                "c",
                key,
                "system/*.read",
                Duration.ofSeconds(5),
                Clock.systemUTC());
        assertThatThrownBy(() -> tokens.token(base()))
                .isInstanceOfSatisfying(
                        ExportException.class, e -> assertThat(e.failure()).isEqualTo(ExportFailure.UNAUTHORIZED))
                .hasMessageContaining("401");
    }

    @Test
    void aPublicKeyIsRefusedAtStart() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_384).generate();
        assertThatThrownBy(() -> new BackendServicesToken(
                        HttpClient.newHttpClient(),
                        new AllowedServers(List.of()),
                        "c",
                        key.toPublicJWK(),
                        "s",
                        Duration.ofSeconds(1),
                        Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
