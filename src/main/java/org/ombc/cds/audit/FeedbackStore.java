package org.ombc.cds.audit;

import static org.ombc.cds.audit.StorageCalls.durably;
import static org.ombc.cds.audit.StorageCalls.guard;
import static org.ombc.cds.audit.StorageCalls.split;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ombc.cds.privacy.Hashes;
import org.ombc.cds.storage.DurableCommits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clinicians' feedback on the cards, stored durably, all-or-nothing and idempotently (a client may resend), and
 * read back for governance: the list and the summary per recommendation. Any database failure surfaces as
 * {@link StorageUnavailableException}.
 */
public final class FeedbackStore {

    /** The summary's row for cards with no recommendation (their feedback was missing from it). */
    public static final String NO_RECOMMENDATION = "no-recommendation";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DurableCommits durable;

    public FeedbackStore(JdbcTemplate jdbc, TransactionTemplate tx, DurableCommits durable) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.durable = durable;
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
        return guard(() -> durably(
                durable,
                () -> tx.execute(status -> {
                    int stored = 0;
                    for (FeedbackItem item : items) {
                        String hash = Hashes.sha256(item.identity());
                        Integer existing = jdbc.queryForObject(
                                "select count(*) from feedback where item_hash = ?", Integer.class, hash);
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
}
