package org.ombc.cds.audit;

import static org.ombc.cds.audit.StorageCalls.durably;
import static org.ombc.cds.audit.StorageCalls.guard;
import static org.ombc.cds.audit.StorageCalls.split;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.ombc.cds.storage.DurableCommits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable audit of hook calls and the cards they issued, in plain JDBC over the Flyway schema (H2, SQLite or
 * PostgreSQL), and the database's own secrets; clinicians' feedback on the cards is {@link FeedbackStore}'s. Any
 * database failure surfaces as {@link StorageUnavailableException}.
 */
public final class AuditStore {

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
        return guard(() -> durably(
                durable,
                () -> tx.execute(status -> {
                    List<String> found = jdbc.queryForList(
                            "select setting_value from audit_setting where name = ?", String.class, name);
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
}
