package org.ombc.cds.audit;

import java.util.List;

/** What the service showed on one card: enough to validate feedback about it and to count it per recommendation. */
public record IssuedCard(String uuid, String summary, String indicator, List<String> recommendations,
                         List<String> suggestionIds, List<String> overrideCodes) {

    public IssuedCard {
        recommendations = List.copyOf(recommendations);
        suggestionIds = List.copyOf(suggestionIds);
        overrideCodes = List.copyOf(overrideCodes);
    }
}
