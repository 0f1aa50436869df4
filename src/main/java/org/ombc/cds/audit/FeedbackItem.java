package org.ombc.cds.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One validated CDS Hooks 2.0 feedback item. {@code overrideCode} is "system|code", or null with a comment only. */
public record FeedbackItem(
        String card,
        String outcome,
        List<String> acceptedSuggestions,
        @Nullable String overrideSystem,
        @Nullable String overrideCode,
        @Nullable String overrideDisplay,
        @Nullable String userComment,
        Instant outcomeTimestamp) {

    /** Our CodeSystem: an override reason of this service is counted by its code alone in the summary. */
    public static final String OWN_SYSTEM = "http://ombc-cds.org/fhir/CodeSystem/ombc";

    public FeedbackItem {
        acceptedSuggestions = List.copyOf(acceptedSuggestions);
    }

    /**
     * Identity for idempotency: one outcome per card per {@code outcomeTimestamp}. The same item posted twice, or a
     * second, different outcome for a card and time already recorded, is stored once (the first stands).
     */
    String identity() {
        return String.join("\u0001", card, outcomeTimestamp.toString());
    }
}
