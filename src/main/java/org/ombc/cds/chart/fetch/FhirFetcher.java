package org.ombc.cds.chart.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.FhirEntry;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.privacy.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the prefetch queries a client did not send against its FHIR server, and reads the remaining pages of a
 * prefetch search the client sent only in part: all keys in parallel, pages followed up to a cap, one deadline
 * for the whole fetch covering connect, headers and body, answers over a size cap refused while they arrive, one
 * retry of a GET that failed to connect, successful query results cached per server, query and token hash. Only
 * allow-listed servers are called, and pages only under the server asked.
 *
 * <p>Every HTTP exchange is asynchronous: a slow or silent server holds a socket, never a thread, so six slow
 * servers cannot starve a seventh call; at the deadline the exchanges still running are cancelled (their
 * connections closed) and the call answers at once.
 */
public final class FhirFetcher {

    private static final Logger log = LoggerFactory.getLogger(FhirFetcher.class);

    private final FhirExchange exchange;
    private final AllowedServers allowed;
    private final PrefetchTemplates templates;
    private final Duration timeout;
    private final int maxPages;
    private final Cache<String, List<FhirEntry>> cache;
    private final MeterRegistry meters;

    /**
     * @param parseExecutor    where answers are parsed (CPU only: no thread waits on a server)
     * @param maxResponseBytes answers larger than this are refused as {@code too-large} without being read whole
     */
    public FhirFetcher(
            FhirJson json,
            HttpClient http,
            Executor parseExecutor,
            AllowedServers allowed,
            PrefetchTemplates templates,
            Duration timeout,
            int maxPages,
            long maxResponseBytes,
            Cache<String, List<FhirEntry>> cache,
            MeterRegistry meters) {
        this.exchange = new FhirExchange(json, http, parseExecutor, maxResponseBytes);
        this.allowed = allowed;
        this.templates = templates;
        this.timeout = timeout;
        this.maxPages = maxPages;
        this.cache = cache;
        this.meters = meters;
    }

    /** The outcome of one key: its entries, or why there are none. */
    public record Result(List<FhirEntry> entries, @Nullable FetchFailure failure) {

        public Result {
            entries = List.copyOf(entries);
        }

        static Result failed(FetchFailure failure) {
            return new Result(List.of(), failure);
        }

        public List<Resource> resources() {
            return entries.stream().map(FhirEntry::resource).toList();
        }
    }

    /**
     * The rest of a search the client sent only its first page(s) of.
     *
     * @param next    the {@code next} link of the last page sent, or null when there is none (then the whole query
     *                is run again)
     * @param matched search matches already sent
     * @param total   the {@code total} the client's Bundle gave, or null
     */
    public record Continuation(
            @Nullable String next, int matched, @Nullable Integer total) {}

    public Map<PrefetchKey, Result> fetch(
            @Nullable String fhirServer, @Nullable String accessToken, String patientId, Set<PrefetchKey> keys) {
        return fetch(fhirServer, accessToken, patientId, keys, Map.of());
    }

    /**
     * Reads the patient's data for the given prefetch keys from the FHIR server, all within one deadline.
     *
     * @param keys          keys to query from the start
     * @param continuations keys whose prefetch was one page of a longer search: the remaining pages are read
     *                      (a continuation's result holds only those pages)
     */
    public Map<PrefetchKey, Result> fetch(
            @Nullable String fhirServer,
            @Nullable String accessToken,
            String patientId,
            Set<PrefetchKey> keys,
            Map<PrefetchKey, Continuation> continuations) {
        Map<PrefetchKey, Result> results = new EnumMap<>(PrefetchKey.class);
        Set<PrefetchKey> all =
                keys.isEmpty() ? Set.copyOf(continuations.keySet()) : union(keys, continuations.keySet());
        if (all.isEmpty()) {
            return results;
        }
        if (fhirServer == null || fhirServer.isBlank()) {
            all.forEach(k -> results.put(k, Result.failed(FetchFailure.NO_FHIR_SERVER)));
            return results;
        }
        if (!allowed.allows(fhirServer)) {
            log.info("fallback refused: FHIR server not allow-listed (host hash {})", Hashes.shortHash(fhirServer));
            all.forEach(k -> results.put(k, Result.failed(FetchFailure.NOT_ALLOWED)));
            return results;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String tokenHash = accessToken == null ? "-" : Hashes.sha256(accessToken);
        FhirExchange.Exchanges exchanges = new FhirExchange.Exchanges();
        Map<PrefetchKey, CompletableFuture<Result>> running = new EnumMap<>(PrefetchKey.class);
        for (PrefetchKey key : all) {
            Continuation continuation = continuations.get(key);
            Call call = new Call(fhirServer, accessToken, key, deadline, exchanges);
            CompletableFuture<Result> result;
            if (continuation != null && continuation.next() != null) {
                result = call.continueFrom(continuation.next(), continuation);
            } else {
                result = call.query(templates.query(key, patientId), tokenHash);
            }
            running.put(key, result);
        }
        try {
            CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Fall through: what finished is used, the rest is a timeout.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Each key's failure is read below.
        } finally {
            exchanges.cancelAll();
        }
        for (Map.Entry<PrefetchKey, CompletableFuture<Result>> entry : running.entrySet()) {
            Result result;
            try {
                result = entry.getValue().getNow(null);
            } catch (CompletionException | CancellationException e) {
                log.warn(
                        "fallback query for key {} failed unexpectedly ({})",
                        entry.getKey().key(),
                        FhirExchange.rootCause(e).getClass().getName());
                result = Result.failed(FetchFailure.CONNECTION_ERROR);
            }
            results.put(entry.getKey(), result == null ? Result.failed(FetchFailure.TIMEOUT) : result);
        }
        return results;
    }

    private static Set<PrefetchKey> union(Set<PrefetchKey> a, Set<PrefetchKey> b) {
        Set<PrefetchKey> out = java.util.EnumSet.noneOf(PrefetchKey.class);
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    /** Whether {@code fhirServer} itself is on the allow-list (a next link off it is another matter). */
    public boolean allowsServer(@Nullable String fhirServer) {
        return fhirServer != null && allowed.allows(fhirServer);
    }

    /** The pages of one key. */
    private final class Call {
        private final String server;
        private final @Nullable String token;
        private final PrefetchKey key;
        private final long deadline;
        private final FhirExchange.Exchanges exchanges;
        private final List<FhirEntry> entries = new ArrayList<>();
        private int matched;
        private @Nullable Integer total;
        private final long started = System.nanoTime();

        Call(String server, @Nullable String token, PrefetchKey key, long deadline, FhirExchange.Exchanges exchanges) {
            this.server = server;
            this.token = token;
            this.key = key;
            this.deadline = deadline;
            this.exchanges = exchanges;
        }

        CompletableFuture<Result> query(String query, String tokenHash) {
            String url = FhirQueryUrl.of(server, query);
            String cacheKey = server + "\n" + url + "\n" + tokenHash;
            List<FhirEntry> cached = cache.getIfPresent(cacheKey);
            if (cached != null) {
                return CompletableFuture.completedFuture(new Result(cached, null));
            }
            return page(url, 0).thenApply(result -> {
                if (result.failure() == null) {
                    cache.put(cacheKey, result.entries());
                }
                return measured(result);
            });
        }

        /** The pages after the client's: {@code next} is the continuation's next link, present. */
        CompletableFuture<Result> continueFrom(String next, Continuation continuation) {
            matched = continuation.matched();
            total = continuation.total();
            return page(next, 1).thenApply(this::measured);
        }

        private Result measured(Result result) {
            meters.timer(
                            "ombc.fhir.fetch",
                            "key",
                            key.key(),
                            "outcome",
                            result.failure() == null ? "ok" : result.failure().code())
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (result.failure() != null) {
                log.info(
                        "fallback query for key {} failed: {}",
                        key.key(),
                        result.failure().code());
            }
            return result;
        }

        /** Reads page {@code n} (0 is the query itself), then the next while there is one and the cap allows. */
        private CompletableFuture<Result> page(String url, int n) {
            boolean first = n == 0;
            if (first ? !allowed.allows(url) : !allowed.allowsUnder(server, url)) {
                return CompletableFuture.completedFuture(Result.failed(FetchFailure.NOT_ALLOWED));
            }
            return exchange.get(url, token, deadline, exchanges).thenCompose(answer -> {
                if (answer instanceof FetchFailure failure) {
                    return CompletableFuture.completedFuture(Result.failed(failure));
                }
                IBaseResource parsed = (IBaseResource) answer;
                boolean read = key == PrefetchKey.PATIENT;
                String type = parsed.fhirType();
                if (read ? !key.resourceType().equals(type) : !"Bundle".equals(type)) {
                    return CompletableFuture.completedFuture(Result.failed(FetchFailure.WRONG_RESOURCE_TYPE));
                }
                entries.addAll(FhirJson.entriesOf(parsed));
                if (read) {
                    return CompletableFuture.completedFuture(new Result(entries, null));
                }
                matched += SearchPages.matches(parsed);
                if (total == null) {
                    total = SearchPages.total(parsed);
                }
                String next = SearchPages.next(parsed);
                if (next == null) {
                    // A server that says it has more matches than it gave, without a way to get them: incomplete.
                    return CompletableFuture.completedFuture(
                            total != null && matched < total
                                    ? Result.failed(FetchFailure.INCOMPLETE)
                                    : new Result(entries, null));
                }
                if (n + 1 >= maxPages) {
                    return CompletableFuture.completedFuture(Result.failed(FetchFailure.INCOMPLETE));
                }
                return page(next, n + 1);
            });
        }
    }
}
