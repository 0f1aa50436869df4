package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.RawHttp;
import org.ombc.cds.support.SecuredServer;
import org.ombc.cds.support.SecuredServerTest;
import org.ombc.cds.support.Tokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Token edge cases against the real service: odd times, the Host header, replays. */
@SecuredServerTest
class TokenSecurityTest {

    private static final String SERVICE = SecuredServer.SERVICE;

    @LocalServerPort
    int port;

    private String aud() {
        return "http://localhost:" + port + SERVICE;
    }

    private RawHttp.Answer call(JWTClaimsSet claims, String... headers) throws Exception {
        String[] all = new String[headers.length + 1];
        all[0] = "Authorization: Bearer " + Tokens.sign(SecuredServer.KEY, JWSAlgorithm.ES256, claims);
        System.arraycopy(headers, 0, all, 1, headers.length);
        return RawHttp.send(port, "POST", SERVICE, HookRequests.text(HookRequests.load("polymetastatic")), all);
    }

    private static void assertRefused(RawHttp.Answer answer, String check) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("check").asText()).isEqualTo(check);
    }

    @Test
    void anExpInTheYear3000IsA401NotA500() throws Exception {
        assertRefused(
                call(Tokens.claims(SecuredServer.ISS, aud())
                        .expirationTime(Date.from(Instant.parse("3000-01-01T00:00:00Z")))
                        .build()),
                "lifetime-too-long");
    }

    @Test
    void anExpOf2Pow53SecondsIsA401NotA500() throws Exception {
        assertRefused(
                call(Tokens.claims(SecuredServer.ISS, aud())
                        .expirationTime(Date.from(Instant.ofEpochMilli(9_007_199_254_740_992L * 1000)))
                        .build()),
                "lifetime-too-long");
    }

    @Test
    void anExpBeyondEveryDateIsA401NotA500() throws Exception {
        RawHttp.Answer answer = call(Tokens.claims(SecuredServer.ISS, aud())
                .expirationTime(Date.from(Instant.ofEpochMilli(Long.MAX_VALUE)))
                .build());
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
    }

    @Test
    void aLifetimeOverTheMaximumIsRefused() throws Exception {
        Instant now = Instant.now();
        assertRefused(
                call(Tokens.claims(SecuredServer.ISS, aud())
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(3600 + 120)))
                        .build()),
                "lifetime-too-long");
    }

    @Test
    void anIatOlderThanTheMaximumIsRefusedEvenWithAValidExp() throws Exception {
        Instant now = Instant.now();
        assertRefused(
                call(Tokens.claims(SecuredServer.ISS, aud())
                        .issueTime(Date.from(now.minusSeconds(7200)))
                        .expirationTime(Date.from(now.minusSeconds(7200 - 3000)))
                        .build()),
                "expired");
        assertRefused(
                call(Tokens.claims(SecuredServer.ISS, aud())
                        .issueTime(Date.from(now.minusSeconds(3600 + 300)))
                        .expirationTime(Date.from(now.plusSeconds(30)))
                        .build()),
                "expired");
    }

    @Test
    void theHostHeaderCannotChooseTheAudience() throws Exception {
        String evil = "http://evil.example" + SERVICE;
        assertRefused(call(Tokens.claims(SecuredServer.ISS, evil).build(), "Host: evil.example"), "wrong-audience");
        assertRefused(
                call(
                        Tokens.claims(SecuredServer.ISS, "http://evil.example:" + port + SERVICE)
                                .build(),
                        "Host: evil.example:" + port),
                "wrong-audience");
    }

    @Test
    void anAllowedHostDerivesTheAudience() throws Exception {
        assertThat(call(Tokens.claims(SecuredServer.ISS, aud()).build()).status())
                .isEqualTo(200);
        assertThat(call(
                                Tokens.claims(SecuredServer.ISS, "http://127.0.0.1:" + port + SERVICE)
                                        .build(),
                                "Host: 127.0.0.1:" + port)
                        .status())
                .isEqualTo(200);
    }

    /** No SMART client registered (the default): a link to the tumour-board view could only lead to an error. */
    @Test
    void withoutARegisteredSmartClientTheCardOffersNoTumourBoardLaunch() throws Exception {
        RawHttp.Answer answer = call(Tokens.claims(SecuredServer.ISS, aud()).build());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"cards\"").doesNotContain("/smart/launch", "Open tumour-board view");
    }

    @Test
    void aReplayIsRefused() throws Exception {
        JWTClaimsSet claims = Tokens.claims(SecuredServer.ISS, aud()).build();
        assertThat(call(claims).status()).isEqualTo(200);
        assertRefused(call(claims), "replayed");
    }

    @Test
    void aTokenOfAnotherRegisteredIssuerSignedWithOurKeyIsRefused() throws Exception {
        RawHttp.Answer answer =
                call(Tokens.claims(SecuredServer.OTHER_ISS, aud()).build());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("check").asText()).isIn("unknown-key", "bad-signature");
    }

    @Test
    void tokensShapedToBreakTheParserAre401() throws Exception {
        for (String token : new String[] {
            "a.b.c",
            "e30.e30.e30",
            "eyJhbGciOiJFUzI1NiJ9.eyJleHAiOiJ4In0.AAAA",
            "eyJhbGciOiJFUzI1NiJ9.eyJleHAiOjFlMzA4fQ.AAAA",
            "x".repeat(5000),
            "\u00e9\u00e9"
        }) {
            RawHttp.Answer answer = RawHttp.send(port, "POST", SERVICE, "{}", "Authorization: Bearer " + token);
            assertThat(answer.status()).as(token).isEqualTo(401);
        }
    }
}
