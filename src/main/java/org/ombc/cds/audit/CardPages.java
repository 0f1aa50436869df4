package org.ombc.cds.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ombc.cds.fhir.Hashes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Main cards' full-evidence pages, each distinct text stored once under its SHA-256 (table {@code card_page},
 * migration V6): a chart opened again with nothing new issues a new card with the same page, and a copy per card
 * grew the embedded store by gigabytes under load. Cards issued before V6 keep their text in
 * {@code issued_card.full_detail}. Database failures are the caller's to handle.
 */
final class CardPages {

    /** A card's page, with the time of the call that issued it. */
    record Page(String fullDetail, Instant issuedAt) {
    }

    /** Hashes of pages known to be stored: pages are never deleted, so a hash here needs no query. */
    private final Cache<String, Boolean> stored = Caffeine.newBuilder().maximumSize(10_000).build();
    private final JdbcTemplate jdbc;

    CardPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores each distinct page of the batch once, before the calls that show it are written (a page without its
     * card harms nothing; a card without its page would). Returns each page's hash, by text. Each insert commits
     * on its own: another replica storing the same page at the same moment makes one of them a duplicate, which is
     * the page wanted, and must not abort the batch.
     */
    Map<String, String> store(List<HookCallRow> calls) {
        Map<String, String> hashes = new HashMap<>();
        for (HookCallRow call : calls) {
            for (IssuedCard card : call.cards()) {
                String page = card.fullDetail();
                if (page == null || hashes.containsKey(page)) {
                    continue;
                }
                String hash = Hashes.sha256(page);
                hashes.put(page, hash);
                if (stored.getIfPresent(hash) == null) {
                    try {
                        jdbc.update("insert into card_page (page_hash, full_detail) select ?, ? where not exists"
                                + " (select 1 from card_page where page_hash = ?)", hash, page, hash);
                    } catch (DuplicateKeyException sameAtOnce) {
                        // another replica stored it between our check and our insert
                    }
                    stored.put(hash, Boolean.TRUE);
                }
            }
        }
        return hashes;
    }

    Optional<Page> find(String cardUuid) {
        return jdbc.query("select coalesce(p.full_detail, i.full_detail), c.called_at from issued_card i"
                + " join hook_call c on c.id = i.hook_call_id left join card_page p on p.page_hash = i.page_hash"
                + " where i.uuid = ? and coalesce(p.full_detail, i.full_detail) is not null",
                (rs, n) -> new Page(rs.getString(1), rs.getTimestamp(2).toInstant()), cardUuid).stream().findFirst();
    }
}
