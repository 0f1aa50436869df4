package org.ombc.cds.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * Public keys of the trusted issuers. Remote sets are fetched on first use and kept; when a token names a key id
 * that the kept set lacks (key rotation), the set is fetched again, but at most once per {@code minRefresh} per
 * URL, so a stream of bogus kids cannot make us hammer an EHR.
 */
public final class JwksCache {

    private record Entry(JWKSet keys, Instant fetched) {
    }

    private final HttpClient http;
    private final Duration minRefresh;
    private final Duration timeout;
    private final Clock clock;
    private final Cache<String, Entry> remote = Caffeine.newBuilder().maximumSize(1000).build();
    private final Cache<String, JWKSet> local = Caffeine.newBuilder().maximumSize(1000).build();

    public JwksCache(HttpClient http, Duration minRefresh, Duration timeout, Clock clock) {
        this.http = http;
        this.minRefresh = minRefresh;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The inline or file key set of an issuer. */
    public JWKSet local(TrustedIssuer issuer) throws JwtRejectedException {
        try {
            return local.get(issuer.iss(), iss -> {
                try {
                    String json = issuer.jwks() != null ? issuer.jwks() : Files.readString(Path.of(issuer.jwksFile()));
                    return JWKSet.parse(json);
                } catch (IOException | ParseException e) {
                    throw new IllegalStateException("cannot read the JWKS of issuer " + iss, e);
                }
            });
        } catch (IllegalStateException e) {
            throw new JwtRejectedException(RejectedCheck.KEYS_UNAVAILABLE);
        }
    }

    /** The key set at {@code url}; {@code unknownKid} asks for a refresh, granted at most once per minRefresh. */
    public JWKSet remote(String url, boolean unknownKid) throws JwtRejectedException {
        Entry entry = remote.getIfPresent(url);
        Instant now = clock.instant();
        if (entry != null && (!unknownKid || entry.fetched().plus(minRefresh).isAfter(now))) {
            return entry.keys();
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("JWKS answered " + response.statusCode());
            }
            JWKSet keys = JWKSet.parse(response.body());
            remote.put(url, new Entry(keys, now));
            return keys;
        } catch (IOException | ParseException | IllegalArgumentException e) {
            if (entry != null) {
                return entry.keys();
            }
            throw new JwtRejectedException(RejectedCheck.KEYS_UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JwtRejectedException(RejectedCheck.KEYS_UNAVAILABLE);
        }
    }
}
