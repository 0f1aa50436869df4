package org.ombc.cds.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.MissingData;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.protocol.HookCallRecorder;
import org.ombc.cds.protocol.json.CdsHooksModel;
import org.ombc.cds.protocol.services.HookOutcome;
import org.ombc.cds.protocol.services.HookRequest;
import org.ombc.cds.storage.GroupCommitWriter;
import org.ombc.cds.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits every hook call in the background: the hook answers first and never waits on the database; the
 * {@link #batchWriter group-commit writer} writes the rows in batches. A failed or dropped write is counted
 * ({@code ombc.audit.failures}) and logged by class, never with patient data.
 */
public final class DatabaseHookCallRecorder implements HookCallRecorder {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHookCallRecorder.class);

    private final IssuedCardIndex index;
    private final GroupCommitWriter<Supplier<HookCallRow>> writer;
    private final Clock clock;
    private final Supplier<String> salt;
    /**
     * Each recent card's place in the audit writer's queue (see {@link #awaitAudited}). A row waits there for
     * seconds at most while the writer keeps up; 30 s and 50,000 cards (a few MB) cover a writer far behind.
     */
    private final Cache<String, Long> auditMarks = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    /** Distinct summaries and code lists kept shared ({@link #shared}). */
    private static final int MAX_SHARED = 4096;

    private final java.util.concurrent.ConcurrentHashMap<Object, Object> sharedValues =
            new java.util.concurrent.ConcurrentHashMap<>();

    public DatabaseHookCallRecorder(
            IssuedCardIndex index,
            GroupCommitWriter<Supplier<HookCallRow>> writer,
            Clock clock,
            Supplier<String> salt) {
        this.index = index;
        this.writer = writer;
        this.clock = clock;
        this.salt = salt;
    }

    /** Audit batches of at most this many calls: one transaction, three JDBC batches (AuditStore). */
    static final int MAX_BATCH = 500;

    /**
     * The writer of audited calls ({@code ombc.audit.*} metrics). Each row is built on the writer thread (its patient
     * hash may need the database); a row that cannot be built is counted as failed, the rest of its batch is stored.
     */
    public static GroupCommitWriter<Supplier<HookCallRow>> batchWriter(
            AuditStore store, int queueSize, Duration window, MeterRegistry meters) {
        return new GroupCommitWriter<>(
                "audit-writer",
                "ombc.audit",
                queueSize,
                MAX_BATCH,
                window,
                batch -> {
                    List<HookCallRow> rows = new ArrayList<>(batch.size());
                    for (Supplier<HookCallRow> row : batch) {
                        try {
                            rows.add(row.get());
                        } catch (RuntimeException e) {
                            log.warn("audit row not built: {}", e.getClass().getSimpleName());
                        }
                    }
                    store.recordCalls(rows);
                    return rows.size();
                },
                meters);
    }

    @Override
    public void record(
            String serviceId, HookRequest request, HookOutcome outcome, long latencyNanos, @Nullable String callerIss) {
        Assessment a = outcome.assessment();
        List<String> recommendations = shared(List.copyOf(
                a.recommendations().stream().map(Recommendation::code).toList()));
        List<IssuedCard> cards = new ArrayList<>(outcome.cards().size());
        boolean anyPage = false;
        for (CdsHooksModel.Card card : outcome.cards()) {
            boolean main = card.extension() != null;
            anyPage |= main;
            String uuid = Objects.requireNonNull(card.uuid(), "every card of ours has a uuid");
            IssuedCard issued = new IssuedCard(
                    uuid,
                    serviceId,
                    shared(card.summary()),
                    card.indicator(),
                    main ? recommendations : List.of(),
                    card.suggestions() == null
                            ? List.of()
                            : card.suggestions().stream()
                                    .map(CdsHooksModel.Suggestion::uuid)
                                    .toList(),
                    card.overrideReasons() == null
                            ? List.of()
                            : shared(List.copyOf(card.overrideReasons().stream()
                                    .map(c -> c.system() + "|" + c.code())
                                    .toList())),
                    callerIss,
                    main);
            index.remember(issued);
            cards.add(issued);
        }
        String patientId = request.patientId();
        if (log.isDebugEnabled()) { // its arguments cost each call something, even when not logged
            log.debug(
                    "hook {} {} answered {} card(s) in {} ms (oligometastatic={}, recommendations={})",
                    serviceId,
                    LogSafe.of(request.hookInstance()),
                    cards.size(),
                    latencyNanos / 1_000_000,
                    a.oligometastatic() == null ? "n/a" : a.oligometastatic().code(),
                    recommendations);
        }
        Instant calledAt = clock.instant();
        String hookInstance = request.hookInstance();
        // Everything the row needs is taken now, so that neither the request (its prefetch tree) nor the
        // assessment (the mapped record) stays reachable while the row waits for its batch: a queue of those
        // under load or a database stall filled the heap. The main card's page is rendered again from the encoded
        // assessment when opened. Only the patient hash is made on the writer thread (it may need the database).
        String knowledgeVersion = a.knowledgeVersion();
        String oligometastatic =
                a.oligometastatic() == null ? null : a.oligometastatic().code();
        String state = a.estroEortcState() == null ? null : a.estroEortcState().code();
        String subtype = a.breastCancer() ? a.subtype().code() : null;
        List<String> missing = shared(
                List.copyOf(a.missingData().stream().map(MissingData::code).toList()));
        AssessmentSnapshot.Encoded encoded = anyPage ? encode(a) : null;
        long latencyMicros = latencyNanos / 1000;
        List<IssuedCard> rowCards = List.copyOf(cards);
        long mark = writer.offerMarked(() -> new HookCallRow(
                calledAt,
                serviceId,
                hookInstance,
                patientHash(patientId),
                callerIss,
                knowledgeVersion,
                oligometastatic,
                state,
                subtype,
                recommendations,
                missing,
                latencyMicros,
                rowCards,
                encoded));
        if (mark == 0) {
            log.warn("audit of hook {} dropped: the audit queue is full", LogSafe.of(request.hookInstance()));
            return;
        }
        for (IssuedCard card : cards) {
            auditMarks.put(card.uuid(), mark);
        }
    }

    /**
     * One instance per distinct value: card summaries and code lists repeat from call to call, and the index keeps
     * up to {@code max-cards-in-memory} cards for a day. Bounded: past {@link #MAX_SHARED} values, new ones are
     * kept as they are. Lists are immutable copies ({@link List#copyOf}), which {@link IssuedCard} keeps as given.
     */
    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        Object kept = sharedValues.get(value);
        if (kept != null) {
            return (T) kept;
        }
        if (sharedValues.size() >= MAX_SHARED) {
            return value;
        }
        Object old = sharedValues.putIfAbsent(value, value);
        return old == null ? value : (T) old;
    }

    /** The assessment to render the page from later; null (the link then finds no page) if it cannot be encoded. */
    private static AssessmentSnapshot.@Nullable Encoded encode(Assessment a) {
        try {
            return AssessmentSnapshot.encode(a);
        } catch (RuntimeException e) { // the hook has answered: an audit problem must not fail the call
            log.warn(
                    "assessment of a card not encoded for its page: {}",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    /** Whether this replica queued the card's audit row within the last 30 s (written or not). */
    public boolean wasQueued(String cardUuid) {
        return auditMarks.getIfPresent(cardUuid) != null;
    }

    /**
     * Waits until the audit rows of these cards, if queued by this replica, are written (or failed), at most
     * {@code timeout}. Returns false when they are still queued: feedback about them must not be stored first,
     * or a crash would keep the feedback and lose the card it is about (an outside review's kill -9 found 3 of 6
     * such items orphaned). Cards issued long ago, or by another replica, need no wait.
     */
    public boolean awaitAudited(Collection<String> cardUuids, Duration timeout) throws InterruptedException {
        long mark = 0;
        for (String uuid : cardUuids) {
            Long m = auditMarks.getIfPresent(uuid);
            if (m != null && m > mark) {
                mark = m;
            }
        }
        return mark == 0 || writer.awaitDone(mark, timeout);
    }

    /** HMAC-SHA256 of the patient id under a per-database salt: links calls without revealing the patient. */
    String patientHash(String patientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
