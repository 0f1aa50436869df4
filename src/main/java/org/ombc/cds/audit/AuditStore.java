package org.ombc.cds.audit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombc.cds.privacy.Hashes;
import org.ombc.cds.storage.DurableCommits;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable audit of hook calls and clinician feedback, in plain JDBC over the Flyway schema (H2, SQLite or PostgreSQL).
 * Feedback is stored all-or-nothing and idempotently; any database failure surfaces as
 * {@link StorageUnavailableException}.
 */
public final class AuditStore {

    /** The summary's row for cards with no recommendation (their feedback was missing from it). */
    public static final String NO_RECOMMENDATION = "no-recommendation";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DurableCommits durable;
    private final CardPages pages;

    public AuditStore(JdbcTemplate jdbc, TransactionTemplate tx, DurableCommits durable) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.durable = durable;
        this.pages = new CardPages(jdbc);
    }

    /** The salt of patient hashes, made once per database so that hashes link calls across restarts. */
    public String patientHashSalt() {
        return secret("patient-hash-salt");
    }

    /** The key of card-page links ({@link CardLinks}), made once per database so that links survive restarts. */
    public String cardLinkSecret() {
        return secret("card-link-secret");
    }

    /** 32 random bytes (hex) stored under {@code name} on first use; every instance sharing the database agrees. */
    private String secret(String name) {
        return guard(() -> durably(() -> tx.execute(status -> {
            List<String> found =
                    jdbc.queryForList("select setting_value from audit_setting where name = ?", String.class, name);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            String value = HexFormat.of().formatHex(salt);
            try {
                jdbc.update("insert into audit_setting (name, setting_value) values (?, ?)", name, value);
                return value;
            } catch (DuplicateKeyException raced) {
                return jdbc.queryForObject(
                        "select setting_value from audit_setting where name = ?", String.class, name);
            }
        })));
    }

    public void recordCall(HookCallRow call) {
        recordCalls(List.of(call));
    }

    /**
     * Stores a batch of audited calls in one transaction, as three JDBC batches (calls, their cards, the cards'
     * recommendations): one commit, and one round trip per table, for however many calls the batch holds.
     */
    public void recordCalls(List<HookCallRow> calls) {
        if (calls.isEmpty()) {
            return;
        }
        guard(() -> {
            pages.store(calls);
            return null;
        });
        // No checkpoint: audit rows are acknowledged to no one, and H2 writes them within its write delay
        // (docs/storage.md, loss window). A checkpoint per batch made the embedded file grow faster than H2
        // compacts it.
        guard(() -> tx.execute(status -> jdbc.execute((Connection con) -> {
            long[] ids = new long[calls.size()];
            int n = 0;
            // SQLite's driver returns the key of a batch's last row only: there, one statement per call (in the same
            // transaction, and local, so cheap).
            boolean oneKeyPerStatement =
                    "SQLite".equalsIgnoreCase(con.getMetaData().getDatabaseProductName());
            try (PreparedStatement ps = con.prepareStatement(
                    "insert into hook_call (called_at, service_id,"
                            + " hook_instance, patient_hash, caller_iss, knowledge_version, oligometastatic, estro_eortc_state,"
                            + " subtype, recommendations, missing_data, latency_micros)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                for (HookCallRow call : calls) {
                    ps.setTimestamp(1, Timestamp.from(call.calledAt()));
                    ps.setString(2, call.serviceId());
                    ps.setString(3, call.hookInstance());
                    ps.setString(4, call.patientHash());
                    ps.setString(5, call.callerIss());
                    ps.setString(6, call.knowledgeVersion());
                    ps.setString(7, call.oligometastatic());
                    ps.setString(8, call.estroEortcState());
                    ps.setString(9, call.subtype());
                    ps.setString(10, String.join(",", call.recommendations()));
                    ps.setString(11, String.join(",", call.missingData()));
                    ps.setLong(12, call.latencyMicros());
                    if (oneKeyPerStatement) {
                        ps.executeUpdate();
                        ids[n++] = onlyKey(ps);
                    } else {
                        ps.addBatch();
                    }
                }
                if (!oneKeyPerStatement) {
                    ps.executeBatch();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        while (keys.next()) {
                            if (n == ids.length) {
                                throw new IllegalStateException("more generated keys than audited calls");
                            }
                            ids[n++] = keys.getLong(1);
                        }
                    }
                }
                if (n != ids.length) {
                    throw new IllegalStateException(
                            "the database returned " + n + " keys for " + ids.length + " audited calls");
                }
            }
            try (PreparedStatement cards = con.prepareStatement(
                            "insert into issued_card (uuid, hook_call_id, summary,"
                                    + " indicator, suggestion_ids, override_codes, assessment_hash) values (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement recommendations = con.prepareStatement(
                            "insert into issued_card_recommendation (card_uuid, code) values (?, ?)")) {
                for (int i = 0; i < calls.size(); i++) {
                    AssessmentSnapshot.Encoded assessment = calls.get(i).assessment();
                    for (IssuedCard card : calls.get(i).cards()) {
                        cards.setString(1, card.uuid());
                        cards.setLong(2, ids[i]);
                        cards.setString(3, card.summary());
                        cards.setString(4, card.indicator());
                        cards.setString(5, String.join(",", card.suggestionIds()));
                        cards.setString(6, String.join(",", card.overrideCodes()));
                        cards.setString(7, card.evidencePage() && assessment != null ? assessment.hash() : null);
                        cards.addBatch();
                        for (String code : card.recommendations()) {
                            recommendations.setString(1, card.uuid());
                            recommendations.setString(2, code);
                            recommendations.addBatch();
                        }
                    }
                }
                cards.executeBatch();
                recommendations.executeBatch();
            }
            return null;
        })));
    }

    private static long onlyKey(PreparedStatement ps) throws java.sql.SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new IllegalStateException("the database returned no key for an audited call");
            }
            return keys.getLong(1);
        }
    }

    public Optional<IssuedCard> findCard(String uuid) {
        return guard(() -> {
            List<IssuedCard> cards = jdbc.query(
                    "select c.uuid, h.service_id, c.summary, c.indicator, c.suggestion_ids,"
                            + " c.override_codes, h.caller_iss from issued_card c join hook_call h on h.id = c.hook_call_id"
                            + " where c.uuid = ?",
                    (rs, n) -> new IssuedCard(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            jdbc.queryForList(
                                    "select code from issued_card_recommendation where card_uuid = ?"
                                            + " order by code",
                                    String.class,
                                    rs.getString(1)),
                            split(rs.getString(5)),
                            split(rs.getString(6)),
                            rs.getString(7)),
                    uuid);
            return cards.stream().findFirst();
        });
    }

    /** The full-evidence page of a card, with the time of the call that issued it. */
    public Optional<CardPages.Page> cardPage(String uuid) {
        return guard(() -> pages.find(uuid));
    }

    /** Stores every item in one transaction; an item stored before is skipped. Returns how many were new. */
    public int storeFeedback(List<FeedbackItem> items, Instant receivedAt) {
        try {
            return storeFeedbackOnce(items, receivedAt);
        } catch (DuplicateKeyException sameItemAtOnce) {
            // The same item sent twice at once: the other request stored it between our check and our insert.
            // Again, the check now sees it (a duplicate), and the rest of the batch is stored.
            return storeFeedbackOnce(items, receivedAt);
        }
    }

    private int storeFeedbackOnce(List<FeedbackItem> items, Instant receivedAt) {
        return guard(() -> durably(() -> tx.execute(status -> {
            int stored = 0;
            for (FeedbackItem item : items) {
                String hash = Hashes.sha256(item.identity());
                Integer existing =
                        jdbc.queryForObject("select count(*) from feedback where item_hash = ?", Integer.class, hash);
                if (existing != null && existing > 0) {
                    continue;
                }
                jdbc.update(
                        "insert into feedback (card_uuid, outcome, accepted_suggestions, override_system, override_code,"
                                + " override_display, user_comment, outcome_timestamp, received_at, item_hash)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        item.card(),
                        item.outcome(),
                        String.join(",", item.acceptedSuggestions()),
                        item.overrideSystem(),
                        item.overrideCode(),
                        item.overrideDisplay(),
                        item.userComment(),
                        Timestamp.from(item.outcomeTimestamp()),
                        Timestamp.from(receivedAt),
                        hash);
                stored++;
            }
            return stored;
        })));
    }

    /** Stored feedback received in [from, to), oldest first. */
    public List<Map<String, Object>> feedback(Instant from, Instant to) {
        return guard(() -> jdbc.query(
                "select f.card_uuid, f.outcome, f.accepted_suggestions, f.override_system,"
                        + " f.override_code, f.override_display, f.user_comment, f.outcome_timestamp, f.received_at"
                        + " from feedback f where f.received_at >= ? and f.received_at < ? order by f.received_at, f.id",
                (rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("card", rs.getString(1));
                    row.put("outcome", rs.getString(2));
                    row.put("acceptedSuggestions", split(rs.getString(3)));
                    if (rs.getString(5) != null) {
                        Map<String, Object> reason = new LinkedHashMap<>();
                        reason.put("system", rs.getString(4));
                        reason.put("code", rs.getString(5));
                        reason.put("display", rs.getString(6)); // null when the client sent none
                        row.put("overrideReason", reason);
                    }
                    if (rs.getString(7) != null) {
                        row.put("userComment", rs.getString(7));
                    }
                    row.put("outcomeTimestamp", rs.getTimestamp(8).toInstant().toString());
                    row.put("receivedAt", rs.getTimestamp(9).toInstant().toString());
                    return row;
                },
                Timestamp.from(from),
                Timestamp.from(to)));
    }

    /**
     * Per recommendation: cards shown with it, how many were accepted and overridden, and the override reasons
     * given ({@link FeedbackSummary}).
     */
    public List<Map<String, Object>> summary() {
        return guard(() -> FeedbackSummary.query(jdbc));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** Runs a committing transaction, then makes the commit durable before it is acknowledged. */
    private <T> T durably(java.util.function.Supplier<T> transaction) {
        T result = transaction.get();
        durable.afterCommit();
        return result;
    }

    private static <T> T guard(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException e) {
            throw e; // a race on a unique key, not an unavailable database: the caller decides
        } catch (DataAccessException | org.springframework.transaction.TransactionException e) {
            throw new StorageUnavailableException(e);
        }
    }
}
