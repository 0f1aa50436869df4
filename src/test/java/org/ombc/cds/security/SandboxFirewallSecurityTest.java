package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.RawHttp;
import org.ombc.cds.support.SandboxServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sandbox profile needs no token, but the firewall still refuses non-canonical requests. */
@SandboxServerTest
class SandboxFirewallSecurityTest {

    @LocalServerPort
    int port;

    @Test
    void theSandboxAnswersWithoutAToken() throws Exception {
        RawHttp.Answer answer = RawHttp.send(
                port,
                "POST",
                "/cds-services/ombc-patient-view",
                HookRequests.text(HookRequests.load("ombc-candidate")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void theSandboxStillRefusesPathParametersAndEncodedCharacters() throws Exception {
        for (String path : new String[] {
            "/cds-services;x/ombc-patient-view",
            "/%63ds-services/ombc-patient-view",
            "/cds-services//ombc-patient-view",
            "/cds-services/x/../ombc-patient-view"
        }) {
            RawHttp.Answer answer = RawHttp.send(port, "POST", path, "{}");
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("error").asText()).isEqualTo("request-rejected");
        }
    }
}
