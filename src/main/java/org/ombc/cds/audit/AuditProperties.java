package org.ombc.cds.audit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail, the card feedback and the governance API ({@code ombc.audit.*}).
 *
 * @param adminToken   bearer token of the governance API; unset disables it (except when {@code adminOpen})
 * @param adminOpen    the governance API needs no token (sandbox only)
 * @param queueSize    audit writes waiting for the database before new ones are dropped and counted
 * @param cardMemory   how long issued cards are kept in memory for feedback validation
 * @param maxCardsInMemory issued cards kept in memory (for at most {@code cardMemory}); older ones are looked up in
 *                     the database
 * @param maxFeedbackItems feedback items accepted in one call; more is a 400
 * @param cardLinkSecret key of the card-page links; unset: made once and kept in the database
 * @param cardLinkSecretWait how long the start waits for that key to be read from the database; after it, the
 *                     start goes on and cards carry no evidence-page link until the key is read
 */
@ConfigurationProperties("ombc.audit")
public record AuditProperties(
        @Nullable String adminToken,
        @DefaultValue("false") boolean adminOpen,
        @DefaultValue("10000") int queueSize,
        @DefaultValue("24h") Duration cardMemory,
        @DefaultValue("100") int maxFeedbackItems,
        @DefaultValue("10000") long maxCardsInMemory,
        @Nullable String cardLinkSecret,
        @DefaultValue("5s") Duration cardLinkSecretWait) {}
