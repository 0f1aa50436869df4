package org.ombc.cds.chart.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.FhirJson;

/**
 * One GET of a FHIR resource, asynchronous: a slow or silent server holds a socket, never a thread. The deadline
 * covers connect, headers and body; an answer over the size cap is refused while it arrives; a GET that failed to
 * connect is retried once. The answer is the parsed resource or the {@link FetchFailure} class, never an exception.
 */
final class FhirExchange {

    private final FhirJson json;
    private final HttpClient http;
    private final Executor parseExecutor;
    private final long maxResponseBytes;

    FhirExchange(FhirJson json, HttpClient http, Executor parseExecutor, long maxResponseBytes) {
        this.json = json;
        this.http = http;
        this.parseExecutor = parseExecutor;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The HTTP exchanges of one fetch, cancelled together at its deadline (their connections closed). */
    static final class Exchanges {
        private final ConcurrentLinkedQueue<Runnable> cancels = new ConcurrentLinkedQueue<>();
        private volatile boolean cancelled;

        void add(Runnable cancel) {
            cancels.add(cancel);
            if (cancelled) {
                cancel.run();
            }
        }

        void cancelAll() {
            cancelled = true;
            for (Runnable cancel; (cancel = cancels.poll()) != null; ) {
                cancel.run();
            }
        }
    }

    /** The parsed resource ({@code IBaseResource}) or the {@link FetchFailure}; registered with {@code exchanges}. */
    CompletableFuture<Object> get(String url, @Nullable String token, long deadline, Exchanges exchanges) {
        return get(url, token, deadline, exchanges, 0);
    }

    private CompletableFuture<Object> get(
            String url, @Nullable String token, long deadline, Exchanges exchanges, int attempt) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return CompletableFuture.completedFuture(FetchFailure.TIMEOUT);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofNanos(left))
                // One connection per exchange: an HTTP/2 connection shared by a slow and a healthy query
                // would let the slow one stall the other.
                .version(HttpClient.Version.HTTP_1_1)
                .header("Accept", "application/fhir+json")
                .GET();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        LimitedBody.Handler handler = new LimitedBody.Handler(maxResponseBytes);
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), handler);
        exchanges.add(() -> {
            handler.cancel();
            exchange.cancel(true);
        });
        return exchange.handle((response, error) -> error).thenCompose(error -> {
            if (error == null) {
                HttpResponse<byte[]> response = exchange.join();
                FetchFailure failure = classify(response.statusCode());
                if (failure != null) {
                    return CompletableFuture.completedFuture(failure);
                }
                return CompletableFuture.supplyAsync(() -> parse(response.body()), parseExecutor);
            }
            Throwable cause = rootCause(error);
            if (cause instanceof LimitedBody.TooLargeException) {
                return CompletableFuture.completedFuture(FetchFailure.TOO_LARGE);
            }
            if (cause instanceof HttpTimeoutException
                    || cause instanceof CancellationException
                    || System.nanoTime() >= deadline) {
                return CompletableFuture.completedFuture(FetchFailure.TIMEOUT);
            }
            if (cause instanceof IOException io && attempt == 0 && isConnectionFailure(io)) {
                return get(url, token, deadline, exchanges, attempt + 1);
            }
            return CompletableFuture.completedFuture(FetchFailure.CONNECTION_ERROR);
        });
    }

    private Object parse(byte[] body) {
        try {
            return json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (FhirJson.NotFhirException e) {
            return FetchFailure.NOT_FHIR;
        }
    }

    private static @Nullable FetchFailure classify(int status) {
        if (status == 401 || status == 403) {
            return FetchFailure.UNAUTHORIZED;
        }
        if (status == 404) {
            return FetchFailure.NOT_FOUND;
        }
        if (status >= 500) {
            return FetchFailure.SERVER_ERROR;
        }
        return status == 200 ? null : FetchFailure.CLIENT_ERROR;
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isConnectionFailure(IOException e) {
        return e instanceof ConnectException
                || (e.getMessage() != null
                        && (e.getMessage().contains("reset")
                                || e.getMessage().contains("closed")
                                || e.getMessage().contains("EOF")));
    }
}
