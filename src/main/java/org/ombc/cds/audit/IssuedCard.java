package org.ombc.cds.audit;

import java.util.List;

/** What a service (by its id) showed on one card: enough to validate feedback about it and to count it per recommendation. */
public record IssuedCard(String uuid, String serviceId, String summary, String indicator, List<String> recommendations,
                         List<String> suggestionIds, List<String> overrideCodes) {

    public IssuedCard {
        recommendations = List.copyOf(recommendations);
        suggestionIds = List.copyOf(suggestionIds);
        overrideCodes = List.copyOf(overrideCodes);
    }
}
