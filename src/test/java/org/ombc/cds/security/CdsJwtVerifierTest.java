package org.ombc.cds.security;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.MutableClock;
import org.ombc.cds.support.Tokens;

/** Each check of the CDS Hooks trust model, with real keys and a WireMock JWKS endpoint. */
class CdsJwtVerifierTest {

    private static final String ISS = "https://ehr.example.org";
    private static final String AUD = "https://cds.example.org/cds-services/ombc-patient-view";
    private static final WireMockServer JWKS = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    private static final ECKey EC = Tokens.ecKey(Curve.P_384, "ec-1");
    private static final RSAKey RSA = Tokens.rsaKey("rsa-1");

    static {
        JWKS.start();
    }

    private MutableClock clock;
    private CdsJwtVerifier verifier;

    @BeforeEach
    void setUp() {
        JWKS.resetAll();
        JWKS.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(Tokens.jwks(EC, RSA))));
        clock = new MutableClock(Instant.now());
        verifier = verifier(new TrustedIssuer(ISS, jwksUrl(), null, null, List.of(jwksUrl("/other-jwks"))));
    }

    @AfterAll
    static void stop() {
        JWKS.stop();
    }

    private CdsJwtVerifier verifier(TrustedIssuer... issuers) {
        JwksCache cache = new JwksCache(
                Duration.ofMinutes(5),
                Duration.ofSeconds(60),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                51_200,
                clock);
        return new CdsJwtVerifier(List.of(issuers), cache, Duration.ofSeconds(60), clock);
    }

    private static String jwksUrl() {
        return jwksUrl("/jwks");
    }

    private static String jwksUrl(String path) {
        return "http://127.0.0.1:" + JWKS.port() + path;
    }

    private RejectedCheck rejection(String authorization) {
        try {
            verifier.verify(authorization, AUD);
        } catch (JwtRejectedException e) {
            return e.check();
        }
        throw new AssertionError("accepted");
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void es384AndRs384TokensFromATrustedIssuerPass() throws Exception {
        var caller = verifier.verify(
                bearer(Tokens.sign(
                        EC, JWSAlgorithm.ES384, Tokens.claims(ISS, AUD).build())),
                AUD);
        assertThat(caller.iss()).isEqualTo(ISS);
        assertThat(verifier.verify(
                                bearer(Tokens.sign(
                                        RSA,
                                        JWSAlgorithm.RS384,
                                        Tokens.claims(ISS, AUD).build())),
                                AUD)
                        .sub())
                .isEqualTo("ehr-client");
        assertThat(verifier.verify(
                        bearer(Tokens.sign(
                                RSA, JWSAlgorithm.PS384, Tokens.claims(ISS, AUD).build())),
                        AUD))
                .isNotNull();
    }

    @Test
    void inlineAndFileKeySetsWork(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ECKey p256 = Tokens.ecKey(Curve.P_256, "inline");
        verifier = verifier(new TrustedIssuer("inline-iss", null, Tokens.jwks(p256), null, List.of()));
        assertThat(verifier.verify(
                        bearer(Tokens.sign(
                                p256,
                                JWSAlgorithm.ES256,
                                Tokens.claims("inline-iss", AUD).build())),
                        AUD))
                .isNotNull();
        java.nio.file.Path file = dir.resolve("jwks.json");
        java.nio.file.Files.writeString(file, Tokens.jwks(RSA));
        verifier = verifier(new TrustedIssuer("file-iss", null, null, file.toString(), List.of()));
        assertThat(verifier.verify(
                        bearer(Tokens.sign(
                                RSA,
                                JWSAlgorithm.RS256,
                                Tokens.claims("file-iss", AUD).build())),
                        AUD))
                .isNotNull();
    }

    @Test
    void aMissingOrMalformedTokenIsRefused() {
        assertThat(rejection(null)).isEqualTo(RejectedCheck.MISSING_TOKEN);
        assertThat(rejection("Basic dXNlcjpwYXNz")).isEqualTo(RejectedCheck.MISSING_TOKEN);
        assertThat(rejection("Bearer not.a.jwt")).isEqualTo(RejectedCheck.MALFORMED_TOKEN);
    }

    @Test
    void unsignedAndHmacTokensAreRefused() throws Exception {
        assertThat(rejection(bearer(new PlainJWT(Tokens.claims(ISS, AUD).build()).serialize())))
                .isEqualTo(RejectedCheck.MALFORMED_TOKEN);
        var hmac = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(JWSAlgorithm.HS256),
                Tokens.claims(ISS, AUD).build());
        hmac.sign(new com.nimbusds.jose.crypto.MACSigner(new byte[32]));
        assertThat(rejection(bearer(hmac.serialize()))).isEqualTo(RejectedCheck.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void anUntrustedIssuerIsRefused() {
        assertThat(rejection(bearer(Tokens.sign(
                        EC,
                        JWSAlgorithm.ES384,
                        Tokens.claims("https://evil.example", AUD).build()))))
                .isEqualTo(RejectedCheck.UNTRUSTED_ISSUER);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        ECKey impostor = Tokens.ecKey(Curve.P_384, "ec-1");
        assertThat(rejection(bearer(Tokens.sign(
                        impostor, JWSAlgorithm.ES384, Tokens.claims(ISS, AUD).build()))))
                .isEqualTo(RejectedCheck.BAD_SIGNATURE);
        String valid =
                Tokens.sign(EC, JWSAlgorithm.ES384, Tokens.claims(ISS, AUD).build());
        String[] parts = valid.split("\\.", -1);
        String tampered = parts[0] + "."
                + Base64URL.encode(
                        Tokens.claims(ISS, AUD).subject("admin").build().toString()) + "." + parts[2];
        assertThat(rejection(bearer(tampered))).isEqualTo(RejectedCheck.BAD_SIGNATURE);
    }

    @Test
    void theAudienceMustBeTheServiceCalled() {
        assertThat(rejection(bearer(Tokens.sign(
                        EC,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, "https://cds.example.org/cds-services/other")
                                .build()))))
                .isEqualTo(RejectedCheck.WRONG_AUDIENCE);
    }

    @Test
    void timesAreChecked() {
        Instant now = clock.instant();
        assertThat(rejection(bearer(Tokens.sign(
                        EC,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, AUD)
                                .expirationTime(Date.from(now.minusSeconds(120)))
                                .build()))))
                .isEqualTo(RejectedCheck.EXPIRED);
        assertThat(rejection(bearer(Tokens.sign(
                        EC,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, AUD)
                                .issueTime(Date.from(now.plusSeconds(120)))
                                .build()))))
                .isEqualTo(RejectedCheck.NOT_YET_VALID);
        assertThat(rejection(bearer(Tokens.sign(
                        EC,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, AUD)
                                .notBeforeTime(Date.from(now.plusSeconds(120)))
                                .build()))))
                .isEqualTo(RejectedCheck.NOT_YET_VALID);
        assertThatCode(() -> verifier.verify(
                        bearer(Tokens.sign(
                                EC,
                                JWSAlgorithm.ES384,
                                Tokens.claims(ISS, AUD)
                                        .issueTime(Date.from(now.plusSeconds(30)))
                                        .build())),
                        AUD))
                .as("within skew")
                .doesNotThrowAnyException();
    }

    @Test
    void expAndJtiAreRequired() {
        assertThat(rejection(bearer(Tokens.sign(
                        EC,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, AUD).expirationTime(null).build()))))
                .isEqualTo(RejectedCheck.MISSING_CLAIM);
        assertThat(rejection(bearer(Tokens.sign(
                        EC,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, AUD).jwtID(null).build()))))
                .isEqualTo(RejectedCheck.MISSING_CLAIM);
    }

    @Test
    void aTokenIsAcceptedOnceThenItsReplayIsRefusedUntilItExpires() throws Exception {
        JWTClaimsSet claims = Tokens.claims(ISS, AUD).build();
        String token = bearer(Tokens.sign(EC, JWSAlgorithm.ES384, claims));
        verifier.verify(token, AUD);
        assertThat(rejection(token)).isEqualTo(RejectedCheck.REPLAYED);
        JWTClaimsSet sameJti = Tokens.claims(ISS, AUD).jwtID(claims.getJWTID()).build();
        assertThat(rejection(bearer(Tokens.sign(RSA, JWSAlgorithm.RS384, sameJti))))
                .isEqualTo(RejectedCheck.REPLAYED);
    }

    @Test
    void aRotatedKeyIsFetchedWithoutRestartAndUnknownKidsDoNotHammerTheEhr() throws Exception {
        verifier.verify(bearer(Tokens.sign(EC, JWSAlgorithm.ES384, fresh())), AUD);
        ECKey rotated = Tokens.ecKey(Curve.P_384, "ec-2");
        JWKS.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(Tokens.jwks(rotated))));
        clock.advance(Duration.ofMinutes(10));
        assertThat(verifier.verify(bearer(Tokens.sign(rotated, JWSAlgorithm.ES384, fresh())), AUD))
                .isNotNull();
        JWKS.verify(2, getRequestedFor(urlPathEqualTo("/jwks")));
        ECKey bogus = Tokens.ecKey(Curve.P_384, "bogus");
        for (int i = 0; i < 5; i++) {
            assertThat(rejection(bearer(Tokens.sign(bogus, JWSAlgorithm.ES384, fresh()))))
                    .isEqualTo(RejectedCheck.UNKNOWN_KEY);
        }
        JWKS.verify(3, getRequestedFor(urlPathEqualTo("/jwks")));
        clock.advance(Duration.ofSeconds(61));
        rejection(bearer(Tokens.sign(bogus, JWSAlgorithm.ES384, fresh())));
        JWKS.verify(4, getRequestedFor(urlPathEqualTo("/jwks")));
    }

    /** Claims issued now by the test clock. */
    private JWTClaimsSet fresh() {
        Instant now = clock.instant();
        return Tokens.claims(ISS, AUD)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build();
    }

    @Test
    void anUntrustedJkuIsRefusedWithoutBeingFetched() {
        String evil = jwksUrl("/evil-jwks");
        assertThat(rejection(bearer(Tokens.sign(
                        EC, JWSAlgorithm.ES384, Tokens.claims(ISS, AUD).build(), h -> h.jwkURL(URI.create(evil))))))
                .isEqualTo(RejectedCheck.UNTRUSTED_JKU);
        JWKS.verify(0, getRequestedFor(urlPathEqualTo("/evil-jwks")));
    }

    @Test
    void anAllowListedJkuIsHonoured() throws Exception {
        ECKey other = Tokens.ecKey(Curve.P_384, "other-1");
        JWKS.stubFor(get(urlPathEqualTo("/other-jwks")).willReturn(okJson(Tokens.jwks(other))));
        assertThat(verifier.verify(
                        bearer(Tokens.sign(
                                other,
                                JWSAlgorithm.ES384,
                                Tokens.claims(ISS, AUD).build(),
                                h -> h.jwkURL(URI.create(jwksUrl("/other-jwks"))))),
                        AUD))
                .isNotNull();
    }

    @Test
    void aPinnedKeySetIsUsedEvenWhenTheTokenCarriesAnAllowedJku() throws Exception {
        String unreachable = "http://127.0.0.1:1/sandbox-jwks";
        verifier = verifier(new TrustedIssuer("pinned-iss", null, Tokens.jwks(EC), null, List.of(unreachable)));
        assertThat(verifier.verify(
                        bearer(Tokens.sign(
                                EC,
                                JWSAlgorithm.ES384,
                                Tokens.claims("pinned-iss", AUD).build(),
                                h -> h.jwkURL(URI.create(unreachable)))),
                        AUD))
                .isNotNull();
        ECKey other = Tokens.ecKey(Curve.P_384, "ec-1");
        assertThat(rejection(bearer(Tokens.sign(
                        other,
                        JWSAlgorithm.ES384,
                        Tokens.claims("pinned-iss", AUD).build(),
                        h -> h.jwkURL(URI.create(jwksUrl("/other-jwks")))))))
                .as("a jku cannot bring its own key")
                .isEqualTo(RejectedCheck.BAD_SIGNATURE);
    }

    @Test
    void lifetimeAndAgeAreBounded() {
        Instant now = clock.instant();
        assertThat(rejection(bearer(Tokens.sign(
                        EC,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, AUD)
                                .issueTime(Date.from(now))
                                .expirationTime(Date.from(now.plus(Duration.ofHours(2))))
                                .build()))))
                .isEqualTo(RejectedCheck.LIFETIME_TOO_LONG);
        assertThat(rejection(bearer(Tokens.sign(
                        EC,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, AUD)
                                .issueTime(Date.from(now.minus(Duration.ofMinutes(62))))
                                .expirationTime(Date.from(now.plusSeconds(10)))
                                .build()))))
                .isEqualTo(RejectedCheck.EXPIRED);
        assertThat(rejection(bearer(Tokens.sign(
                        EC,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, AUD)
                                .issueTime(Date.from(now))
                                .expirationTime(Date.from(Instant.parse("3000-01-01T00:00:00Z")))
                                .build()))))
                .isEqualTo(RejectedCheck.LIFETIME_TOO_LONG);
    }

    @Test
    void anUnreachableKeySetIsReportedAsSuch() {
        JWKS.stubFor(get(anyUrl()).willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));
        assertThat(rejection(bearer(Tokens.sign(
                        EC, JWSAlgorithm.ES384, Tokens.claims(ISS, AUD).build()))))
                .isEqualTo(RejectedCheck.KEYS_UNAVAILABLE);
    }

    @Test
    void aMisconfiguredIssuerFailsAtStart() {
        assertThatThrownBy(() -> new TrustedIssuer(ISS, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one");
    }
}
