package org.ombc.cds.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the configured limit with 413: at once when Content-Length says so, else while reading
 * (chunked bodies), so an oversized request never reaches the parser whole. A body that takes longer than
 * {@code maxReadTime} to arrive (a client trickling it to hold a thread) fails with 408 at the next byte.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long maxReadNanos;

    public BodySizeLimitFilter(long limit, java.time.Duration maxReadTime) {
        this.limit = limit;
        this.maxReadNanos = maxReadTime.toNanos();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            ErrorBody.write(
                    response,
                    413,
                    "payload-too-large",
                    new BodyTooLargeException(limit).getMessage(),
                    java.util.Map.of());
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit, System.nanoTime() + maxReadNanos), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private final long deadline;
        private @Nullable ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit, long deadline) {
            super(request);
            this.limit = limit;
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, deadline);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private final long deadline;
        private long read;

        CountingStream(ServletInputStream in, long limit, long deadline) {
            this.in = in;
            this.limit = limit;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            if (System.nanoTime() - deadline > 0) {
                throw new BodyReadTimeoutException();
            }
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
