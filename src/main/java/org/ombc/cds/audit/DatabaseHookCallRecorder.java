package org.ombc.cds.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.hookjson.CdsHooksModel;
import org.ombc.cds.cdshooks.HookCallRecorder;
import org.ombc.cds.web.LogSafe;
import org.ombc.cds.services.PatientViewService;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.MissingData;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.storage.GroupCommitWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;

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
    private final Cache<String, Long> auditMarks = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(30)).build();

    public DatabaseHookCallRecorder(IssuedCardIndex index, GroupCommitWriter<Supplier<HookCallRow>> writer,
                                    Clock clock, Supplier<String> salt) {
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
    public static GroupCommitWriter<Supplier<HookCallRow>> batchWriter(AuditStore store, int queueSize,
                                                                      Duration window, MeterRegistry meters) {
        return new GroupCommitWriter<>("audit-writer", "ombc.audit", queueSize, MAX_BATCH, window, batch -> {
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
        }, meters);
    }

    @Override
    public void record(String serviceId, CdsHooksModel.Request request, PatientViewService.Outcome outcome,
                       long latencyNanos, String callerIss) {
        Assessment a = outcome.assessment();
        List<String> recommendations = a.recommendations().stream().map(Recommendation::code).toList();
        List<IssuedCard> cards = new ArrayList<>();
        boolean[] mainCards = new boolean[outcome.cards().size()];
        for (CdsHooksModel.Card card : outcome.cards()) {
            boolean main = card.extension() != null;
            mainCards[cards.size()] = main;
            IssuedCard issued = new IssuedCard(card.uuid(), serviceId, card.summary(), card.indicator(),
                    main ? recommendations : List.of(),
                    card.suggestions() == null ? List.of() : card.suggestions().stream().map(CdsHooksModel.Suggestion::uuid).toList(),
                    card.overrideReasons() == null ? List.of()
                            : card.overrideReasons().stream().map(c -> c.system() + "|" + c.code()).toList(),
                    callerIss);
            index.remember(issued);
            cards.add(issued);
        }
        String patientId = request.context().get("patientId").asText();
        if (log.isDebugEnabled()) { // its arguments cost each call something, even when not logged
            log.debug("hook {} {} answered {} card(s) in {} ms (oligometastatic={}, recommendations={})", serviceId,
                    LogSafe.of(request.hookInstance()), cards.size(), latencyNanos / 1_000_000,
                    a.oligometastatic() == null ? "n/a" : a.oligometastatic().code(), recommendations);
        }
        Instant calledAt = clock.instant();
        String hookInstance = request.hookInstance();
        // Built on the writer thread: its patient hash may need the database (the salt), which may be down. The
        // row captures only the assessment and the issued cards, never the request (its prefetch tree is ten
        // times the size of the row, and a queue of them under a database stall would fill the heap).
        long mark = writer.offerMarked(() -> new HookCallRow(calledAt, serviceId, hookInstance,
                patientHash(patientId), callerIss, a.knowledgeVersion(),
                a.oligometastatic() == null ? null : a.oligometastatic().code(),
                a.estroEortcState() == null ? null : a.estroEortcState().code(),
                a.breastCancer() ? a.subtype().code() : null,
                recommendations,
                a.missingData().stream().map(MissingData::code).toList(), latencyNanos / 1000,
                withFullDetail(cards, mainCards, a)));
        if (mark == 0) {
            log.warn("audit of hook {} dropped: the audit queue is full", LogSafe.of(request.hookInstance()));
            return;
        }
        for (IssuedCard card : cards) {
            auditMarks.put(card.uuid(), mark);
        }
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

    /**
     * The main card (the one with the assessment extension) keeps its full-evidence page with the audit; built
     * on the writer thread, so the hook never pays for it.
     */
    private static List<IssuedCard> withFullDetail(List<IssuedCard> cards, boolean[] mainCards, Assessment assessment) {
        List<IssuedCard> out = new ArrayList<>(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            out.add(mainCards[i] ? cards.get(i).withFullDetail(OmbcCards.fullDetail(assessment)) : cards.get(i));
        }
        return out;
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
