package org.ombc.cds.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Cards issued recently, kept in memory so that feedback can be validated even before (or without) the audit row
 * reaching the database; older cards are looked up in the store.
 */
public final class IssuedCardIndex {

    private final Cache<String, IssuedCard> recent;
    private final AuditStore store;

    public IssuedCardIndex(AuditStore store, Duration keep, long maxCards) {
        this.store = store;
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(keep)
                .maximumSize(maxCards)
                .build();
    }

    public void remember(IssuedCard card) {
        recent.put(card.uuid(), card);
    }

    public Optional<IssuedCard> find(String uuid) {
        IssuedCard card = recent.getIfPresent(uuid);
        return card != null ? Optional.of(card) : store.findCard(uuid);
    }
}
