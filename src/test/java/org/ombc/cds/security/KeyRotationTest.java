package org.ombc.cds.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.MutableClock;
import org.ombc.cds.support.Tokens;

/**
 * An issuer that rotates its keys (issue #27, item 6): a key removed from the JWKS stops being trusted within
 * {@code jwks-cache-ttl}, a new {@code kid} is fetched at once (one fetch for many concurrent calls, a bounded number
 * for a stream of bogus kids), and a JWKS that is too large or too slow is refused as {@code keys-unavailable}.
 */
class KeyRotationTest {

    private static final String ISS = "https://ehr.example.org";
    private static final String AUD = "https://cds.example.org/cds-services/ombc-patient-view";
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final WireMockServer JWKS = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    private static final ECKey OLD = Tokens.ecKey(Curve.P_384, "2026-old");
    private static final ECKey NEW = Tokens.ecKey(Curve.P_384, "2026-new");

    static {
        JWKS.start();
    }

    private MutableClock clock;
    private CdsJwtVerifier verifier;

    @BeforeEach
    void setUp() {
        JWKS.resetAll();
        JWKS.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(Tokens.jwks(OLD))));
        clock = new MutableClock(Instant.now());
        verifier = verifier(51_200, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        JWKS.stop();
    }

    private CdsJwtVerifier verifier(int maxBytes, Duration readTimeout) {
        JwksCache cache =
                new JwksCache(TTL, Duration.ofSeconds(60), Duration.ofSeconds(5), readTimeout, maxBytes, clock);
        return new CdsJwtVerifier(
                List.of(new TrustedIssuer(ISS, "http://127.0.0.1:" + JWKS.port() + "/jwks", null, null, List.of())),
                cache,
                Duration.ofSeconds(60),
                clock);
    }

    private JWTClaimsSet fresh() {
        Instant now = clock.instant();
        return Tokens.claims(ISS, AUD)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build();
    }

    private String token(ECKey key) {
        return "Bearer " + Tokens.sign(key, JWSAlgorithm.ES384, fresh());
    }

    private RejectedCheck rejection(String authorization) {
        try {
            verifier.verify(authorization, AUD);
            return null;
        } catch (JwtRejectedException e) {
            return e.check();
        }
    }

    @Test
    void aNewKidIsFetchedAtOnceEvenSecondsAfterTheLastFetch() throws Exception {
        assertThat(rejection(token(OLD))).isNull();
        JWKS.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(Tokens.jwks(OLD, NEW))));
        clock.advance(Duration.ofSeconds(6));
        assertThat(rejection(token(NEW)))
                .as("signed with the key published 6 s ago")
                .isNull();
        JWKS.verify(2, getRequestedFor(urlPathEqualTo("/jwks")));
    }

    @Test
    void aRemovedKeyStopsBeingTrustedWithinTheTtl() {
        assertThat(rejection(token(OLD))).isNull();
        JWKS.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(Tokens.jwks(NEW))));
        clock.advance(TTL.minusSeconds(1));
        assertThat(rejection(token(OLD)))
                .as("within the ttl the kept set is used")
                .isNull();
        clock.advance(Duration.ofSeconds(2));
        assertThat(rejection(token(OLD)))
                .as("past the ttl the set is fetched again")
                .isEqualTo(RejectedCheck.UNKNOWN_KEY);
        assertThat(rejection(token(NEW))).isNull();
    }

    @Test
    void bogusKidsDoNotHammerTheEhr() {
        assertThat(rejection(token(OLD))).isNull();
        ECKey bogus = Tokens.ecKey(Curve.P_384, "bogus");
        for (int i = 0; i < 20; i++) {
            assertThat(rejection(token(bogus))).isEqualTo(RejectedCheck.UNKNOWN_KEY);
        }
        int fetched = JWKS.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo("/jwks")).build())
                .getCount();
        assertThat(fetched)
                .as("first fetch plus at most one refresh in the minute")
                .isLessThanOrEqualTo(2);
        assertThat(rejection(token(OLD))).isNull();
    }

    @Test
    void manyConcurrentCallsWithANewKidShareOneFetch() throws Exception {
        assertThat(rejection(token(OLD))).isNull();
        JWKS.stubFor(get(urlPathEqualTo("/jwks"))
                .willReturn(okJson(Tokens.jwks(OLD, NEW)).withFixedDelay(300)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<RejectedCheck>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String token = token(NEW);
                calls.add(() -> rejection(token));
            }
            for (Future<RejectedCheck> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }
        JWKS.verify(2, getRequestedFor(urlPathEqualTo("/jwks")));
    }

    @Test
    void aJwksLargerThanTheLimitIsNotRead() {
        verifier = verifier(4_096, Duration.ofSeconds(10));
        String padded = Tokens.jwks(OLD).replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(8_000) + "\",");
        JWKS.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(padded)));
        assertThat(rejection(token(OLD))).isEqualTo(RejectedCheck.KEYS_UNAVAILABLE);
        JWKS.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(Tokens.jwks(OLD))));
        clock.advance(Duration.ofMinutes(2));
        assertThat(rejection(token(OLD))).as("a set within the limit is read").isNull();
    }

    @Test
    void aJwksSlowerThanTheTimeoutIsKeysUnavailable() {
        verifier = verifier(51_200, Duration.ofMillis(500));
        JWKS.stubFor(get(urlPathEqualTo("/jwks"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Tokens.jwks(OLD))
                        .withFixedDelay(3_000)));
        long started = System.nanoTime();
        assertThat(rejection(token(OLD))).isEqualTo(RejectedCheck.KEYS_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }
}
