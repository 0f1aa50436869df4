package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.RawHttp;
import org.ombc.cds.support.SecuredServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error is Problem Details JSON, including those Tomcat answers before the application sees the request,
 * and none echoes the request or names a Java class.
 */
@SecuredServerTest
class ErrorBodySecurityTest {

    @LocalServerPort
    int port;

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        var json = answer.json();
        assertThat(json.path("status").asInt()).isEqualTo(status);
        assertThat(json.path("type").asText()).startsWith("urn:ombc-cds:problem:");
        assertThat(json.path("title").asText()).isNotBlank();
        assertThat(json.path("detail").asText()).isNotBlank();
        assertThat(json.path("error").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("<html", "Exception", "org.apache", "Tomcat");
    }

    @Test
    void aHeaderOver8KbIsAJson400() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/cds-services", null, "X-Big: " + "a".repeat(9000));
        assertProblem(answer, 400);
    }

    @Test
    void anEncodedSlashInThePathIsAJson400() throws Exception {
        assertProblem(RawHttp.send(port, "POST", "/cds-services%2fombc-patient-view", "{}"), 400);
    }

    @Test
    void anAbsoluteFormTargetToAnotherHostIsRefusedOrTreatedAsThePath() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "POST", "http://evil.example/cds-services/ombc-patient-view", "{}");
        assertThat(answer.status()).isIn(400, 401);
        assertProblem(answer, answer.status());
    }

    @Test
    void aMalformedRequestLineIsAJson400() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(
                port,
                "GET /cds-services\u0001 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertProblem(answer, 400);
    }

    @Test
    void aFirewallRejectionIsAJson400() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "POST", "/cds-services;x/ombc-patient-view", "{}");
        assertProblem(answer, 400);
        assertThat(answer.json().path("error").asText()).isEqualTo("request-rejected");
    }

    @Test
    void aMissingTokenIsAJson401WithTheCheckAsAnExtension() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "POST", "/cds-services/ombc-patient-view", "{}");
        assertProblem(answer, 401);
        assertThat(answer.json().path("check").asText()).isEqualTo("missing-token");
        assertThat(answer.header("WWW-Authenticate")).contains("missing-token");
    }

    @Test
    void anUnknownPathIsAJson404EvenForABrowser() throws Exception {
        assertProblem(RawHttp.send(port, "GET", "/nothing-here", null, "Accept: text/html"), 404);
    }

    @Test
    void anOversizedBodyIsAJson413() throws Exception {
        String big = "{\"a\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}";
        assertProblem(RawHttp.send(port, "POST", "/cds-services/ombc-patient-view", big), 413);
    }
}
