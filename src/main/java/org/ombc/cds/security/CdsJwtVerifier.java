package org.ombc.cds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Verifies the JWT that a CDS client sends with every call (CDS Hooks 2.0, "Trusting CDS Clients"): an
 * asymmetric signature by a key of a registered issuer, {@code aud} equal to the URL called, {@code exp},
 * {@code iat} and {@code jti} present, times within the allowed skew, a lifetime ({@code exp - iat}) and age
 * ({@code now - iat}) within the maximum, and each {@code jti} accepted once ({@link ReplayGuard}).
 */
public final class CdsJwtVerifier {

    static final Set<JWSAlgorithm> ALLOWED = Set.of(
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);

    /** Who called, once verified. */
    public record Caller(String iss, String sub, String jti) {}

    private final Map<String, TrustedIssuer> issuers;
    private final JwksCache keys;
    private final Duration skew;
    private final Duration maxLifetime;
    private final Clock clock;
    private final ReplayGuard replays;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    /** With an in-memory replay guard and a 1 h maximum lifetime: for tests of the verifier alone. */
    public CdsJwtVerifier(List<TrustedIssuer> issuers, JwksCache keys, Duration skew, Clock clock) {
        this(issuers, keys, skew, Duration.ofHours(1), clock, new MemoryReplayGuard(clock));
    }

    public CdsJwtVerifier(
            List<TrustedIssuer> issuers,
            JwksCache keys,
            Duration skew,
            Duration maxLifetime,
            Clock clock,
            ReplayGuard replays) {
        this.issuers = issuers.stream().collect(Collectors.toUnmodifiableMap(TrustedIssuer::iss, Function.identity()));
        this.keys = keys;
        this.skew = skew;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
        this.replays = replays;
    }

    public Caller verify(String authorization, String expectedAudience) throws JwtRejectedException {
        return verify(authorization, List.of(expectedAudience));
    }

    /** As {@link #verify(String, String)}, with {@code aud} allowed to be any of {@code audiences}. */
    public Caller verify(String authorization, List<String> audiences) throws JwtRejectedException {
        try {
            return verifyChecked(authorization, audiences);
        } catch (RuntimeException e) {
            // a token shaped to break a library (huge numbers, odd types): refused, never a 500
            throw new JwtRejectedException(RejectedCheck.MALFORMED_TOKEN);
        }
    }

    private Caller verifyChecked(String authorization, List<String> audiences) throws JwtRejectedException {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new JwtRejectedException(RejectedCheck.MISSING_TOKEN);
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(authorization.substring(7).trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | ClassCastException e) {
            throw new JwtRejectedException(RejectedCheck.MALFORMED_TOKEN);
        }
        JWSHeader header = jwt.getHeader();
        if (!ALLOWED.contains(header.getAlgorithm())) {
            throw new JwtRejectedException(RejectedCheck.UNSUPPORTED_ALGORITHM);
        }
        TrustedIssuer issuer = claims.getIssuer() == null ? null : issuers.get(claims.getIssuer());
        if (issuer == null) {
            throw new JwtRejectedException(
                    claims.getIssuer() == null ? RejectedCheck.MISSING_CLAIM : RejectedCheck.UNTRUSTED_ISSUER);
        }
        verifySignature(jwt, header, issuer);
        verifyClaims(claims, audiences);
        Instant expires = claims.getExpirationTime().toInstant().plus(skew);
        if (!replays.firstUse(issuer.iss(), claims.getJWTID(), expires)) {
            throw new JwtRejectedException(RejectedCheck.REPLAYED);
        }
        return new Caller(issuer.iss(), claims.getSubject(), claims.getJWTID());
    }

    /**
     * An issuer with a pinned key set ({@code jwks}, {@code jwks-file}) is verified with it alone: a {@code jku}
     * header is then never fetched and need not be listed (the public CDS Hooks sandbox always sends one). Otherwise
     * a {@code jku} must be on the issuer's allow-list, and is fetched instead of {@code jwks-uri}.
     */
    private void verifySignature(SignedJWT jwt, JWSHeader header, TrustedIssuer issuer) throws JwtRejectedException {
        boolean pinned = issuer.jwksUri() == null;
        String jku =
                header.getJWKURL() == null || pinned ? null : header.getJWKURL().toString();
        if (jku != null && !issuer.allowedJku().contains(jku)) {
            throw new JwtRejectedException(RejectedCheck.UNTRUSTED_JKU);
        }
        String remoteUrl = pinned ? null : jku != null ? jku : issuer.jwksUri();
        JWKSelector selector = selector(header);
        List<JWK> candidates = (remoteUrl != null
                        ? keys.select(remoteUrl, selector)
                        : selector.select(keys.local(issuer)))
                .stream().filter(k -> k instanceof AsymmetricJWK).toList();
        if (candidates.isEmpty()) {
            throw new JwtRejectedException(RejectedCheck.UNKNOWN_KEY);
        }
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier = verifiers.createJWSVerifier(header, ((AsymmetricJWK) key).toPublicKey());
                if (jwt.verify(verifier)) {
                    return;
                }
            } catch (JOSEException | ClassCastException e) {
                // a key of the wrong type for this algorithm: try the next one
            }
        }
        throw new JwtRejectedException(RejectedCheck.BAD_SIGNATURE);
    }

    private static JWKSelector selector(JWSHeader header) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (header.getKeyID() == null) {
            matcher = new JWKMatcher.Builder(matcher)
                    .keyID(null)
                    .withKeyIDOnly(false)
                    .build();
        }
        return new JWKSelector(matcher);
    }

    private void verifyClaims(JWTClaimsSet claims, List<String> audiences) throws JwtRejectedException {
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null
                || iat == null
                || claims.getJWTID() == null
                || claims.getJWTID().isBlank()
                || claims.getAudience() == null
                || claims.getAudience().isEmpty()) {
            throw new JwtRejectedException(RejectedCheck.MISSING_CLAIM);
        }
        if (claims.getAudience().stream().noneMatch(aud -> audiences.stream().anyMatch(e -> sameUrl(aud, e)))) {
            throw JwtRejectedException.wrongAudience(audiences, claims.getAudience());
        }
        Instant now = clock.instant();
        if (exp.toInstant().plus(skew).isBefore(now)
                || iat.toInstant().plus(maxLifetime).plus(skew).isBefore(now)) {
            throw new JwtRejectedException(RejectedCheck.EXPIRED);
        }
        if (Duration.between(iat.toInstant(), exp.toInstant()).compareTo(maxLifetime) > 0) {
            throw new JwtRejectedException(RejectedCheck.LIFETIME_TOO_LONG);
        }
        if (iat.toInstant().minus(skew).isAfter(now)
                || (claims.getNotBeforeTime() != null
                        && claims.getNotBeforeTime().toInstant().minus(skew).isAfter(now))) {
            throw new JwtRejectedException(RejectedCheck.NOT_YET_VALID);
        }
    }

    private static boolean sameUrl(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
