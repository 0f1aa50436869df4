package org.ombc.cds.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** The governance summary of feedback per recommendation, read from the audit tables. */
final class FeedbackSummary {

    private FeedbackSummary() {}

    /**
     * Per recommendation: cards shown with it, how many were accepted and overridden (a card counts once per
     * outcome), and the override reasons given. Cards with no recommendation (a polymetastatic card, whose one
     * reason is "disagree with the classification"; a data-quality card) count under
     * {@link FeedbackStore#NO_RECOMMENDATION}.
     */
    static List<Map<String, Object>> query(JdbcTemplate jdbc) {
        String code = "coalesce(r.code, '" + FeedbackStore.NO_RECOMMENDATION + "')";
        Map<String, Map<String, Object>> byCode = new TreeMap<>();
        jdbc.query(
                "select " + code + ", count(distinct c.uuid) from issued_card c left join"
                        + " issued_card_recommendation r on r.card_uuid = c.uuid group by " + code,
                rs -> {
                    entry(byCode, rs.getString(1)).put("cardsShown", rs.getLong(2));
                });
        jdbc.query(
                "select " + code + ", f.outcome, count(distinct f.card_uuid) from feedback f"
                        + " left join issued_card_recommendation r on r.card_uuid = f.card_uuid group by " + code
                        + ", f.outcome",
                rs -> {
                    entry(byCode, rs.getString(1)).put(rs.getString(2), rs.getLong(3));
                });
        // A reason of this service is counted by its code, one a client added by system|code; an override
        // with only a comment is 'comment-only', a plain dismissal 'dismissed-no-reason'.
        String reason = "case when f.override_code is null and f.user_comment is null then 'dismissed-no-reason'"
                + " when f.override_code is null then 'comment-only'"
                + " when f.override_system = '" + FeedbackItem.OWN_SYSTEM + "' then f.override_code"
                + " else concat(f.override_system, concat('|', f.override_code)) end";
        // Cards, like the outcome counts: a clinician who sends the same override three times is one card.
        jdbc.query(
                "select " + code + ", " + reason + ", count(distinct f.card_uuid) from feedback f"
                        + " left join issued_card_recommendation r on r.card_uuid = f.card_uuid where f.outcome = 'overridden'"
                        + " group by " + code + ", " + reason,
                rs -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Long> reasons = (Map<String, Long>) Objects.requireNonNull(
                            entry(byCode, rs.getString(1)).get("overrideReasons"), "every entry has overrideReasons");
                    reasons.put(rs.getString(2), rs.getLong(3));
                });
        return new ArrayList<>(byCode.values());
    }

    private static Map<String, Object> entry(Map<String, Map<String, Object>> byCode, String code) {
        return byCode.computeIfAbsent(code, c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recommendation", c);
            m.put("cardsShown", 0L);
            m.put("accepted", 0L);
            m.put("overridden", 0L);
            m.put("overrideReasons", new TreeMap<String, Long>());
            return m;
        });
    }
}
