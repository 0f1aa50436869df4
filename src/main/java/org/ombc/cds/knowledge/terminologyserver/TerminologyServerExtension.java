package org.ombc.cds.knowledge.terminologyserver;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ValueSet;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.TerminologyExtension;
import org.ombc.cds.settings.OmbcProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Widens the published expansions for one chart with what a hospital's terminology server says (clinical-rules 10):
 * codes no family ValueSet holds are asked, in parallel, within one deadline per chart; what has not answered by
 * then is left out for this chart and the chart is read with the expansions alone. Codes the expansions hold are
 * never asked, so their answers never change. Answers, member or not, are cached; failures are not.
 */
public final class TerminologyServerExtension implements TerminologyExtension, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TerminologyServerExtension.class);
    /** Requests at once: enough for one chart's questions in one round trip, few enough for a hospital's server. */
    private static final int THREADS = 8;

    private static final int QUEUE = 512;

    private final TerminologyServerClient server;
    private final ConceptFamilies families;
    private final Duration deadline;
    private final Duration callBudget;
    private final int maxQuestions;
    private final AsyncCache<Question, Answer> answers;
    private final ThreadPoolExecutor executor;
    private final LookupOutcomes outcomes;
    private final AtomicBoolean serverFailing = new AtomicBoolean();

    TerminologyServerExtension(
            TerminologyServerClient server,
            ConceptFamilies families,
            Duration deadline,
            Duration callBudget,
            int maxQuestions,
            AsyncCache<Question, Answer> answers,
            MeterRegistry meters) {
        this.server = server;
        this.families = families;
        this.deadline = deadline;
        this.callBudget = callBudget;
        this.maxQuestions = maxQuestions;
        this.answers = answers;
        this.outcomes = new LookupOutcomes(meters);
        AtomicInteger n = new AtomicInteger();
        this.executor =
                new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "terminology-lookup-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * The extension that asks the configured terminology server.
     *
     * @param settings    {@code ombc.terminology.*}; the server URL must be set
     * @param fhirTimeout {@code ombc.fhir.timeout}: the call's own deadline, which the lookups never exceed
     * @param published   our ValueSets (fhir-profiles), whose definitions name the families' SNOMED roots
     */
    public static TerminologyServerExtension create(
            OmbcProperties.TerminologyServer settings,
            Duration fhirTimeout,
            Collection<ValueSet> published,
            MeterRegistry meters) {
        String url = settings.serverUrl();
        URI uri = URI.create(url == null ? "" : url.trim());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("ombc.terminology.server-url must be an http(s) URL");
        }
        Duration deadline = settings.timeout().compareTo(fhirTimeout) < 0 ? settings.timeout() : fhirTimeout;
        AsyncCache<Question, Answer> answers = Caffeine.newBuilder()
                .expireAfterWrite(settings.cacheTtl())
                .maximumSize(settings.cacheMaxEntries())
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(meters, answers.synchronous(), "ombc.terminology.answers");
        // Twice the deadline per request: an answer that misses one chart's deadline is still cached for the next.
        TerminologyServerClient client =
                TerminologyServerClient.connect(uri.toString(), deadline.multipliedBy(2), THREADS, meters);
        return new TerminologyServerExtension(
                client,
                ConceptFamilies.of(published),
                deadline,
                fhirTimeout,
                settings.maxCodesPerChart(),
                answers,
                meters);
    }

    @Override
    public Terminology extend(Terminology base, List<? extends IBaseResource> chart) {
        return extend(base, chart, System.nanoTime());
    }

    /**
     * Ends at {@code ombc.terminology.timeout} from now, or when the call's FHIR deadline ({@code ombc.fhir.timeout}
     * from its start) ends, whichever comes first.
     */
    @Override
    public Terminology extend(Terminology base, List<? extends IBaseResource> chart, long callStartNanos) {
        long now = System.nanoTime();
        long end = Math.min(now + deadline.toNanos(), callStartNanos + callBudget.toNanos());
        Map<Question, List<Coding>> questions = questions(base, chart);
        if (questions.isEmpty()) {
            return base;
        }
        Map<String, List<Coding>> members = new LinkedHashMap<>();
        Map<Question, CompletableFuture<Answer>> pending = new LinkedHashMap<>();
        int sent = 0;
        int skipped = 0;
        for (Map.Entry<Question, List<Coding>> entry : questions.entrySet()) {
            Question question = entry.getKey();
            CompletableFuture<Answer> known = answers.getIfPresent(question);
            if (known != null && known.isDone() && known.join() == Answer.FAILED) {
                answers.asMap().remove(question, known);
                known = null;
            }
            if (known != null && known.isDone()) {
                outcomes.cached();
                if (known.join() == Answer.MEMBER) {
                    members.computeIfAbsent(question.valueSetId(), id -> new ArrayList<>())
                            .addAll(entry.getValue());
                }
            } else if (known != null) {
                pending.put(question, known);
            } else if (sent < maxQuestions) {
                sent++;
                pending.put(question, ask(question));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.debug("{} terminology questions over ombc.terminology.max-codes-per-chart not asked", skipped);
        }
        awaitUntil(end, pending.values());
        pending.forEach((question, answer) -> {
            if (outcomes.count(answer)) {
                members.computeIfAbsent(question.valueSetId(), id -> new ArrayList<>())
                        .addAll(questions.get(question));
            }
        });
        return base.withMembers(members);
    }

    /**
     * For each coding no family of its element holds, one question per family (one per SNOMED root where the family
     * is defined by roots), in chart order, each once; the codings to add when the answer is yes.
     */
    private Map<Question, List<Coding>> questions(Terminology base, List<? extends IBaseResource> chart) {
        Map<Question, List<Coding>> questions = new LinkedHashMap<>();
        for (ChartCodings.Found found : ChartCodings.of(chart)) {
            Coding coding = found.coding();
            if (families.placing(found.element()).stream().anyMatch(id -> base.contains(id, coding))) {
                continue;
            }
            List<ConceptFamily> candidates = families.of(found.element());
            String system = Terminology.normaliseSystem(coding.getSystem());
            String code = coding.getCode().trim();
            for (ConceptFamily family : candidates) {
                if (!family.bySubsumption()) {
                    add(questions, new Question(family.valueSetId(), system, code, null), coding);
                } else if (ConceptFamilies.SNOMED.equals(system)) {
                    for (String root : family.snomedRoots()) {
                        add(questions, new Question(family.valueSetId(), system, code, root), coding);
                    }
                }
            }
        }
        return questions;
    }

    private static void add(Map<Question, List<Coding>> questions, Question question, Coding coding) {
        questions.computeIfAbsent(question, q -> new ArrayList<>()).add(coding);
    }

    /**
     * The cached or in-flight answer, else a new request. A failure is an answer of its own ({@link Answer#FAILED})
     * rather than a failed future, so that nothing logs it with its URL, and is dropped from the cache once known.
     */
    private CompletableFuture<Answer> ask(Question question) {
        CompletableFuture<Answer> answer = answers.get(question, (q, unused) -> {
            try {
                return CompletableFuture.supplyAsync(() -> answer(q), executor);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.completedFuture(Answer.FAILED);
            }
        });
        // Nothing waits for this: a failed answer leaves the cache, so that the next chart asks again.
        CompletableFuture<Void> unused = answer.thenAccept(a -> {
            if (a == Answer.FAILED) {
                answers.asMap().remove(question, answer);
            }
        });
        return answer;
    }

    /** The server's answer; its first failure after a success is logged once (its kind, never a code). */
    private Answer answer(Question question) {
        try {
            Answer answer = server.isMember(question) ? Answer.MEMBER : Answer.NOT_MEMBER;
            if (serverFailing.compareAndSet(true, false)) {
                LOG.info("terminology server answers again");
            }
            return answer;
        } catch (RuntimeException e) {
            if (serverFailing.compareAndSet(false, true)) {
                LOG.warn(
                        "terminology server failed ({}): charts are read with the published expansions alone "
                                + "until it answers (metric ombc.terminology.lookups)",
                        e.getClass().getSimpleName());
            }
            return Answer.FAILED;
        }
    }

    private static void awaitUntil(long end, Collection<CompletableFuture<Answer>> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // What has not answered is counted one by one by the caller; the chart goes on without it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        server.close();
    }
}
