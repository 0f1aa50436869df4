package org.ombc.cds.knowledge.terminologyserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ombc.terminology.lookups{outcome}}: each question a chart needed, by what became of it. {@code timeout}
 * and {@code error} are charts read with the expansions alone for that code.
 */
final class LookupOutcomes {

    private final Counter member;
    private final Counter notMember;
    private final Counter cached;
    private final Counter timeout;
    private final Counter error;

    LookupOutcomes(MeterRegistry meters) {
        this.member = counter(meters, "member");
        this.notMember = counter(meters, "not-member");
        this.cached = counter(meters, "cached");
        this.timeout = counter(meters, "timeout");
        this.error = counter(meters, "error");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("ombc.terminology.lookups")
                .tag("outcome", outcome)
                .description("codes asked of the terminology server for one chart, by outcome")
                .register(meters);
    }

    void cached() {
        cached.increment();
    }

    /** Counts an answer awaited for a chart; true when the server said member in time. */
    boolean count(CompletableFuture<Answer> answer) {
        if (!answer.isDone()) {
            timeout.increment();
            return false;
        }
        Counter counter =
                switch (answer.join()) {
                    case MEMBER -> member;
                    case NOT_MEMBER -> notMember;
                    case FAILED -> error;
                };
        counter.increment();
        return answer.join() == Answer.MEMBER;
    }
}
