package org.ombc.cds.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Main cards' full-evidence pages. A card issued since migration V7 points to its call's assessment (table
 * {@code card_assessment}, one row per distinct assessment), and its page is rendered from it when opened
 * ({@link AssessmentSnapshot}); cards issued before keep their stored text ({@code card_page}, V6, or
 * {@code issued_card.full_detail}) and are served from it. Database failures are the caller's to handle.
 */
public final class CardPages {

    /** A card's page, with the time of the call that issued it. */
    public record Page(String fullDetail, Instant issuedAt) {}

    /** Hashes of assessments known to be stored: they are never deleted, so a hash here needs no query. */
    private final Cache<String, Boolean> stored =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private final JdbcTemplate jdbc;

    CardPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores each distinct assessment of the batch once, before the calls that show it are written (an assessment
     * without its card harms nothing; a card without its page would). Each insert commits on its own: another
     * replica storing the same assessment at the same moment makes one of them a duplicate, which is the row
     * wanted, and must not abort the batch.
     */
    void store(List<HookCallRow> calls) {
        Set<String> seen = new HashSet<>();
        for (HookCallRow call : calls) {
            AssessmentSnapshot.Encoded a = call.assessment();
            if (a == null || !seen.add(a.hash()) || stored.getIfPresent(a.hash()) != null) {
                continue;
            }
            try {
                jdbc.update(
                        "insert into card_assessment (assessment_hash, knowledge_version, body) select ?, ?, ?"
                                + " where not exists (select 1 from card_assessment where assessment_hash = ?)",
                        a.hash(),
                        a.knowledgeVersion(),
                        a.body(),
                        a.hash());
            } catch (DuplicateKeyException sameAtOnce) {
                // another replica stored it between our check and our insert
            }
            stored.put(a.hash(), Boolean.TRUE);
        }
    }

    Optional<Page> find(String cardUuid) {
        return jdbc
                .query(
                        "select coalesce(p.full_detail, i.full_detail), a.body, c.called_at from issued_card i"
                                + " join hook_call c on c.id = i.hook_call_id left join card_page p on p.page_hash = i.page_hash"
                                + " left join card_assessment a on a.assessment_hash = i.assessment_hash where i.uuid = ?"
                                + " and (coalesce(p.full_detail, i.full_detail) is not null or a.body is not null)",
                        (rs, n) -> {
                            String text = rs.getString(1);
                            return new Page(
                                    text != null ? text : AssessmentSnapshot.page(rs.getString(2)),
                                    rs.getTimestamp(3).toInstant());
                        },
                        cardUuid)
                .stream()
                .findFirst();
    }
}
