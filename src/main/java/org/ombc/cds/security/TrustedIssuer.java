package org.ombc.cds.security;

import java.util.List;

/**
 * An EHR allowed to call the service: its {@code iss} and where its public keys come from, exactly one of a
 * {@code jwksUri} (fetched and cached), an inline {@code jwks} document, or a {@code jwksFile}. A token's
 * {@code jku} header is honoured only when it is in {@code allowedJku}.
 */
public record TrustedIssuer(String iss, String jwksUri, String jwks, String jwksFile, List<String> allowedJku) {

    public TrustedIssuer {
        allowedJku = allowedJku == null ? List.of() : List.copyOf(allowedJku);
        int sources = (jwksUri == null ? 0 : 1) + (jwks == null ? 0 : 1) + (jwksFile == null ? 0 : 1);
        if (iss == null || iss.isBlank() || sources != 1) {
            throw new IllegalArgumentException("ombc.security.trusted-issuers: each entry needs 'iss' and exactly one "
                    + "of 'jwks-uri', 'jwks' or 'jwks-file' (entry for " + iss + ")");
        }
    }
}
