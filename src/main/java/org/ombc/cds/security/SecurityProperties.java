package org.ombc.cds.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled         JWTs are required on service, feedback and assessment calls; only the sandbox turns
 *                        this off
 * @param trustedIssuers  the EHRs allowed to call, with their keys
 * @param clockSkew       tolerance for exp, iat and nbf
 * @param jwksMinRefresh  a remote key set is fetched again for an unknown kid at most this often
 */
@ConfigurationProperties("ombc.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue List<TrustedIssuer> trustedIssuers,
                                 @DefaultValue("60s") Duration clockSkew,
                                 @DefaultValue("60s") Duration jwksMinRefresh) {
}
