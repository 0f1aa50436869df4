package org.ombc.cds.knowledge.terminologyserver;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.protocol.HttpContext;

/**
 * Refuses a terminology server's answer larger than a byte budget, declared or counted as it is read (chunked
 * too): a {@code $subsumes} or {@code $validate-code} answer is a few hundred bytes, and a broken or hostile server
 * must not make us hold more.
 */
final class LimitedResponses implements HttpResponseInterceptor {

    /** The answer is larger than allowed. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("terminology server answer larger than allowed");
        }
    }

    private final long maxBytes;

    LimitedResponses(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void process(HttpResponse response, HttpContext context) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return;
        }
        if (entity.getContentLength() > maxBytes) {
            throw new TooLargeException();
        }
        response.setEntity(new HttpEntityWrapper(entity) {
            @Override
            public InputStream getContent() throws IOException {
                return new Counted(super.getContent(), maxBytes);
            }
        });
    }

    private static final class Counted extends FilterInputStream {
        private long left;

        Counted(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                spend(n);
            }
            return n;
        }

        private void spend(int n) throws TooLargeException {
            left -= n;
            if (left < 0) {
                throw new TooLargeException();
            }
        }
    }
}
