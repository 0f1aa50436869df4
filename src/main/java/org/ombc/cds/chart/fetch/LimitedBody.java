package org.ombc.cds.chart.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A response body read with a byte budget: refused as soon as its declared length or the bytes received so far
 * (chunked answers too) exceed it, so a hostile server cannot make us hold an answer of any size. Answers other
 * than 200 are not read at all: their status is all we use.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer is larger than allowed. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("response larger than ombc.fhir.max-response-bytes");
        }
    }

    /** Picks the subscriber from the status and headers; can cancel the body being read. */
    static final class Handler implements HttpResponse.BodyHandler<byte[]> {
        private final long max;
        private volatile @Nullable LimitedBody body;
        private volatile boolean cancelled;

        Handler(long max) {
            this.max = max;
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            LimitedBody subscriber = new LimitedBody(info.statusCode() == 200 ? max : -1, declared);
            body = subscriber;
            if (cancelled) {
                subscriber.cancel();
            }
            return subscriber;
        }

        void cancel() {
            cancelled = true;
            LimitedBody current = body;
            if (current != null) {
                current.cancel();
            }
        }
    }

    private final long max;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private volatile Flow.@Nullable Subscription subscription;
    private long received;

    /** @param max the byte budget; negative: the body is not wanted, stop reading at once */
    private LimitedBody(long max, long declared) {
        this.max = max;
        this.declared = declared;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (max < 0) {
            result.complete(new byte[0]);
            s.cancel();
        } else if (declared > max) {
            fail(new TooLargeException());
        } else if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (received > max) {
                fail(new TooLargeException());
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            out.write(bytes, 0, bytes.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    void cancel() {
        fail(new CancellationException("deadline"));
    }

    private void fail(Throwable why) {
        result.completeExceptionally(why);
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
