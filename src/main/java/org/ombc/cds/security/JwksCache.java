package org.ombc.cds.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public keys of the trusted issuers. A remote set (Nimbus {@link JWKSourceBuilder}) is kept for {@code ttl}, so a
 * key the EHR removed stops being trusted within it; a token naming a key id the kept set lacks (rotation) makes one
 * fetch at once, shared by concurrent calls, and the rate limit (two fetches per {@code minRefresh}) keeps a stream
 * of bogus kids from hammering the EHR. The body is read with a size limit and connect and read timeouts, and a
 * redirect is not followed. A set that cannot be fetched once its ttl has passed is not trusted any more
 * ({@code keys-unavailable}): a key that can no longer be confirmed is not used.
 */
public final class JwksCache {

    private static final Logger log = LoggerFactory.getLogger(JwksCache.class);
    /** Threads waiting for another's fetch of the same set give up after this. */
    private static final long REFRESH_WAIT_MILLIS = 15_000;

    private final Duration ttl;
    private final Duration minRefresh;
    private final NoRedirectRetriever retriever;
    private final Clock clock;
    private final Cache<String, JWKSetSource<SecurityContext>> remote =
            Caffeine.newBuilder().maximumSize(100).build();
    private final Cache<String, JWKSet> local =
            Caffeine.newBuilder().maximumSize(1000).build();

    /**
     * @param ttl        how long a fetched set is used before it is fetched again
     * @param minRefresh the window in which at most two fetches of one set are made
     * @param maxBytes   a larger JWKS body is not read
     */
    public JwksCache(
            Duration ttl,
            Duration minRefresh,
            Duration connectTimeout,
            Duration readTimeout,
            int maxBytes,
            Clock clock) {
        if (ttl.compareTo(minRefresh) <= 0) {
            throw new IllegalArgumentException("ombc.security.jwks-cache-ttl (" + ttl + ") must be longer than "
                    + "ombc.security.jwks-min-refresh (" + minRefresh + ")");
        }
        this.ttl = ttl;
        this.minRefresh = minRefresh;
        this.retriever =
                new NoRedirectRetriever((int) connectTimeout.toMillis(), (int) readTimeout.toMillis(), maxBytes);
        this.clock = clock;
    }

    /**
     * The inline or file key set of an issuer, public parts only. A set that holds private keys is used, but said
     * (once) in the log: the service needs only the public key, and a private key on its disk can sign tokens.
     */
    public JWKSet local(TrustedIssuer issuer) throws JwtRejectedException {
        try {
            return local.get(issuer.iss(), iss -> {
                try {
                    String json = issuer.jwks() != null ? issuer.jwks() : Files.readString(Path.of(issuer.jwksFile()));
                    JWKSet keys = JWKSet.parse(json);
                    if (keys.getKeys().stream().anyMatch(JWK::isPrivate)) {
                        log.warn(
                                "The key set of trusted issuer {} ({}) holds a PRIVATE key: only the public key is "
                                        + "used; remove the private parts (\"d\", \"p\", \"q\"...) from it, anyone who can "
                                        + "read it can sign tokens as this EHR.",
                                iss,
                                issuer.jwksFile() != null ? "jwks-file " + issuer.jwksFile() : "inline jwks");
                    }
                    return keys.toPublicJWKSet();
                } catch (IOException | ParseException e) {
                    throw new IllegalStateException("cannot read the JWKS of issuer " + iss, e);
                }
            });
        } catch (IllegalStateException e) {
            throw new JwtRejectedException(RejectedCheck.KEYS_UNAVAILABLE);
        }
    }

    /**
     * The keys at {@code url} that {@code selector} picks; when none does, the set is fetched again once (unless
     * the rate limit says no) and selected from anew.
     */
    public List<JWK> select(String url, JWKSelector selector) throws JwtRejectedException {
        JWKSetSource<SecurityContext> source;
        try {
            source = remote.get(url, this::source);
        } catch (IllegalArgumentException e) {
            throw new JwtRejectedException(RejectedCheck.KEYS_UNAVAILABLE);
        }
        long now = clock.millis();
        try {
            JWKSet kept = source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, null);
            List<JWK> found = selector.select(kept);
            if (!found.isEmpty()) {
                return found;
            }
            try {
                return selector.select(
                        source.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(kept), now, null));
            } catch (RateLimitReachedException e) {
                return List.of();
            }
        } catch (KeySourceException | RuntimeException e) {
            log.info("JWKS of a trusted issuer not available ({}): {}", url, e.getMessage());
            throw new JwtRejectedException(RejectedCheck.KEYS_UNAVAILABLE);
        }
    }

    private JWKSetSource<SecurityContext> source(String url) {
        URL parsed;
        try {
            parsed = URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        JWKSource<SecurityContext> built = JWKSourceBuilder.<SecurityContext>create(parsed, retriever)
                .cache(ttl.toMillis(), REFRESH_WAIT_MILLIS)
                .refreshAheadCache(false)
                .rateLimited(minRefresh.toMillis())
                .retrying(false)
                .outageTolerant(false)
                .build();
        // The set source, not the key source, so that our clock (tests move it) decides expiry and rate limits.
        return ((JWKSetBasedJWKSource<SecurityContext>) built).getJWKSetSource();
    }

    /** Nimbus's retriever (size limit, timeouts), but http(s) only and without following a redirect. */
    private static final class NoRedirectRetriever extends DefaultResourceRetriever {

        NoRedirectRetriever(int connectTimeoutMillis, int readTimeoutMillis, int sizeLimit) {
            super(connectTimeoutMillis, readTimeoutMillis, sizeLimit);
        }

        @Override
        protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
            HttpURLConnection connection = super.openHTTPConnection(url);
            connection.setInstanceFollowRedirects(false);
            return connection;
        }

        @Override
        protected URLConnection openFileConnection(URL url) throws IOException {
            throw new IOException("a JWKS is fetched over http(s) only");
        }
    }
}
