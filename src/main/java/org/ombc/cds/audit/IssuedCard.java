package org.ombc.cds.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a service (by its id) showed on one card: enough to validate feedback about it and to count it per
 * recommendation. {@code issuer} is the verified {@code iss} of the call that received it (null when calls are not
 * authenticated, in the sandbox): only that issuer may send feedback on the card.
 *
 * @param evidencePage the card links a full-evidence page, rendered from its call's stored assessment
 */
public record IssuedCard(
        String uuid,
        String serviceId,
        String summary,
        String indicator,
        List<String> recommendations,
        List<String> suggestionIds,
        List<String> overrideCodes,
        @Nullable String issuer,
        boolean evidencePage) {

    public IssuedCard(
            String uuid,
            String serviceId,
            String summary,
            String indicator,
            List<String> recommendations,
            List<String> suggestionIds,
            List<String> overrideCodes) {
        this(uuid, serviceId, summary, indicator, recommendations, suggestionIds, overrideCodes, null, false);
    }

    public IssuedCard(
            String uuid,
            String serviceId,
            String summary,
            String indicator,
            List<String> recommendations,
            List<String> suggestionIds,
            List<String> overrideCodes,
            @Nullable String issuer) {
        this(uuid, serviceId, summary, indicator, recommendations, suggestionIds, overrideCodes, issuer, false);
    }

    public IssuedCard {
        recommendations = List.copyOf(recommendations);
        suggestionIds = List.copyOf(suggestionIds);
        overrideCodes = List.copyOf(overrideCodes);
    }

    public IssuedCard withEvidencePage() {
        return new IssuedCard(
                uuid, serviceId, summary, indicator, recommendations, suggestionIds, overrideCodes, issuer, true);
    }
}
