package org.ombc.cds.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may call the service and how their tokens are checked ({@code ombc.security.*}).
 *
 * @param enabled         JWTs are required on service, feedback and assessment calls; only the sandbox turns
 *                        this off
 * @param trustedIssuers  the EHRs allowed to call, with their keys
 * @param clockSkew       tolerance for exp, iat and nbf
 * @param jwksMinRefresh  a remote key set is fetched at most twice in this window (a token naming an unknown kid
 *                        makes one fetch at once; a stream of bogus kids cannot make more)
 * @param jwksCacheTtl    a fetched key set is used this long, then fetched again: a key the EHR removed stops
 *                        being trusted within it
 * @param jwksMaxBytes    a remote key set larger than this is not read ({@code keys-unavailable})
 * @param allowedHosts    without {@code ombc.public-base-url}, the hosts (or host:port) whose requests may
 *                        derive the expected {@code aud}; any other Host header gets 401 wrong-audience
 * @param maxTokenLifetime a token whose {@code exp - iat} exceeds this, or whose {@code iat} is older than this,
 *                        is refused (CDS Hooks recommends 5 minutes)
 * @param jwksConnectTimeout how long connecting to an issuer's {@code jwks-uri} may take
 * @param jwksFetchTimeout  how long the issuer's server may stay silent while its key set is read
 * @param replayPurgeInterval seen {@code jti}s past their expiry are deleted from the database at most this often
 * @param bodyReadTimeout the whole request body must arrive within this; a slower one is cut with 408, so a
 *                        client trickling a body holds a request thread no longer
 */
@ConfigurationProperties("ombc.security")
public record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<TrustedIssuer> trustedIssuers,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("60s") Duration jwksMinRefresh,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("1h") Duration maxTokenLifetime,
        @DefaultValue("10s") Duration bodyReadTimeout,
        @DefaultValue("2s") Duration jwksConnectTimeout,
        @DefaultValue("3s") Duration jwksFetchTimeout,
        @DefaultValue("60s") Duration replayPurgeInterval,
        @DefaultValue("5m") Duration jwksCacheTtl,
        @DefaultValue("50KB") DataSize jwksMaxBytes) {}
