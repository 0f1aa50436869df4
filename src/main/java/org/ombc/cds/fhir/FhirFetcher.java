package org.ombc.cds.fhir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs the prefetch queries a client did not send against its FHIR server: all keys in parallel, pages followed
 * up to a cap, one deadline for the whole fetch, one retry of a GET that failed to connect, successful results
 * cached per server, query and token hash. Only allow-listed servers are called, pages included.
 */
public final class FhirFetcher {

    private static final Logger log = LoggerFactory.getLogger(FhirFetcher.class);

    private final FhirJson json;
    private final HttpClient http;
    private final ExecutorService executor;
    private final AllowedServers allowed;
    private final PrefetchTemplates templates;
    private final Duration timeout;
    private final int maxPages;
    private final Cache<String, List<Resource>> cache;
    private final MeterRegistry meters;

    public FhirFetcher(FhirJson json, HttpClient http, ExecutorService executor, AllowedServers allowed,
                       PrefetchTemplates templates, Duration timeout, int maxPages,
                       Cache<String, List<Resource>> cache, MeterRegistry meters) {
        this.json = json;
        this.http = http;
        this.executor = executor;
        this.allowed = allowed;
        this.templates = templates;
        this.timeout = timeout;
        this.maxPages = maxPages;
        this.cache = cache;
        this.meters = meters;
    }

    /** The outcome of one key: resources, or why there are none. */
    public record Result(List<Resource> resources, FetchFailure failure) {
        static Result failed(FetchFailure failure) {
            return new Result(List.of(), failure);
        }
    }

    public Map<PrefetchKey, Result> fetch(String fhirServer, String accessToken, String patientId,
                                          Set<PrefetchKey> keys) {
        Map<PrefetchKey, Result> results = new EnumMap<>(PrefetchKey.class);
        if (fhirServer == null || fhirServer.isBlank()) {
            keys.forEach(k -> results.put(k, Result.failed(FetchFailure.NO_FHIR_SERVER)));
            return results;
        }
        if (!allowed.allows(fhirServer)) {
            log.info("fallback refused: FHIR server not allow-listed (host hash {})", Hashes.shortHash(fhirServer));
            keys.forEach(k -> results.put(k, Result.failed(FetchFailure.NOT_ALLOWED)));
            return results;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String tokenHash = accessToken == null ? "-" : Hashes.sha256(accessToken);
        Map<PrefetchKey, CompletableFuture<Result>> running = new EnumMap<>(PrefetchKey.class);
        for (PrefetchKey key : keys) {
            running.put(key, CompletableFuture.supplyAsync(
                    () -> fetchKey(fhirServer, accessToken, tokenHash, patientId, key, deadline), executor));
        }
        for (Map.Entry<PrefetchKey, CompletableFuture<Result>> entry : running.entrySet()) {
            long left = deadline - System.nanoTime();
            Result result;
            try {
                result = entry.getValue().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                entry.getValue().cancel(true);
                result = Result.failed(FetchFailure.TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = Result.failed(FetchFailure.TIMEOUT);
            } catch (ExecutionException e) {
                log.warn("fallback query for key {} failed unexpectedly ({})", entry.getKey().key(),
                        e.getCause().getClass().getName());
                result = Result.failed(FetchFailure.CONNECTION_ERROR);
            }
            results.put(entry.getKey(), result);
        }
        return results;
    }

    private Result fetchKey(String server, String token, String tokenHash, String patientId, PrefetchKey key,
                            long deadline) {
        String url = join(server, encodeQuery(templates.query(key, patientId)));
        String cacheKey = server + "\n" + url + "\n" + tokenHash;
        List<Resource> cached = cache.getIfPresent(cacheKey);
        if (cached != null) {
            return new Result(cached, null);
        }
        Timer.Sample sample = Timer.start(meters);
        Result result = fetchPages(url, token, key, deadline);
        sample.stop(meters.timer("ombc.fhir.fetch", "key", key.key(),
                "outcome", result.failure() == null ? "ok" : result.failure().code()));
        if (result.failure() == null) {
            cache.put(cacheKey, result.resources());
        } else {
            log.info("fallback query for key {} failed: {}", key.key(), result.failure().code());
        }
        return result;
    }

    private Result fetchPages(String url, String token, PrefetchKey key, long deadline) {
        List<Resource> resources = new ArrayList<>();
        String next = url;
        for (int page = 0; next != null && page < maxPages; page++) {
            if (!allowed.allows(next)) {
                return Result.failed(FetchFailure.NOT_ALLOWED);
            }
            Object answer = get(next, token, deadline);
            if (answer instanceof FetchFailure failure) {
                return Result.failed(failure);
            }
            IBaseResource parsed = (IBaseResource) answer;
            boolean read = key == PrefetchKey.PATIENT;
            String type = parsed.fhirType();
            if (read ? !key.resourceType().equals(type) : !"Bundle".equals(type)) {
                return Result.failed(FetchFailure.WRONG_RESOURCE_TYPE);
            }
            resources.addAll(FhirJson.resourcesOf(parsed));
            next = parsed instanceof Bundle bundle && bundle.getLink(Bundle.LINK_NEXT) != null
                    ? bundle.getLink(Bundle.LINK_NEXT).getUrl() : null;
        }
        return new Result(List.copyOf(resources), null);
    }

    /** One GET: the parsed resource, or the failure class. Retried once on a connection failure. */
    private Object get(String url, String token, long deadline) {
        for (int attempt = 0; ; attempt++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return FetchFailure.TIMEOUT;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofNanos(left))
                    .header("Accept", "application/fhir+json")
                    .GET();
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 401 || status == 403) {
                    return FetchFailure.UNAUTHORIZED;
                }
                if (status == 404) {
                    return FetchFailure.NOT_FOUND;
                }
                if (status >= 500) {
                    return FetchFailure.SERVER_ERROR;
                }
                if (status != 200) {
                    return FetchFailure.CLIENT_ERROR;
                }
                try {
                    return json.parse(response.body());
                } catch (FhirJson.NotFhirException e) {
                    return FetchFailure.NOT_FHIR;
                }
            } catch (HttpTimeoutException e) {
                return FetchFailure.TIMEOUT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return FetchFailure.TIMEOUT;
            } catch (IOException e) {
                if (attempt == 0 && isConnectionFailure(e)) {
                    continue;
                }
                return FetchFailure.CONNECTION_ERROR;
            }
        }
    }

    private static boolean isConnectionFailure(IOException e) {
        return e instanceof ConnectException || (e.getMessage() != null
                && (e.getMessage().contains("reset") || e.getMessage().contains("closed")
                || e.getMessage().contains("EOF")));
    }

    private static String join(String base, String query) {
        return (base.endsWith("/") ? base : base + "/") + query;
    }

    /** Percent-encodes every search parameter value ("|" and "," in token lists, odd characters in ids). */
    static String encodeQuery(String query) {
        int q = query.indexOf('?');
        if (q < 0) {
            return encodePathSegments(query);
        }
        StringBuilder out = new StringBuilder(encodePathSegments(query.substring(0, q))).append('?');
        String[] params = query.substring(q + 1).split("&");
        for (int i = 0; i < params.length; i++) {
            int eq = params[i].indexOf('=');
            if (i > 0) {
                out.append('&');
            }
            if (eq < 0) {
                out.append(URLEncoder.encode(params[i], StandardCharsets.UTF_8));
            } else {
                out.append(params[i], 0, eq + 1)
                        .append(URLEncoder.encode(params[i].substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    private static String encodePathSegments(String path) {
        String[] segments = path.split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
