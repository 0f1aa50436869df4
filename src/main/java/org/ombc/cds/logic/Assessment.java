package org.ombc.cds.logic;

import java.util.List;
import java.util.Map;

import org.ombc.cds.model.OmbcRecord;

/**
 * The OMBC assessment of one patient. The scalar fields are the public contract of {@code POST /ombc/assessment};
 * the findings carry, for each conclusion, the rule, the facts and the evidence that the cards show.
 *
 * @param oligometastatic  null when not metastatic
 * @param estroEortcState  null when not oligometastatic or not determinable
 * @param trials           trials whose headline criteria match: "check eligibility"
 * @param findings         the basis of every conclusion, keyed by its code (state codes, factor codes,
 *                         recommendation codes)
 * @param burden           the derived lesion facts, for the card's "facts used"
 * @param record           the mapped record the assessment read
 */
public record Assessment(boolean breastCancer, boolean metastatic, Integer lesionCount, Integer organCount,
                         List<String> sites, OligometastaticState oligometastatic,
                         EstroEortcState estroEortcState, Subtype subtype, Integer diseaseFreeIntervalMonths,
                         List<Factor> favorableFactors, List<Factor> unfavorableFactors,
                         List<Recommendation> recommendations, List<MissingData> missingData,
                         String knowledgeVersion, List<Trial> trials, Map<String, Finding> findings,
                         DiseaseBurden burden, OmbcRecord record) {

    public boolean recommends(Recommendation recommendation) {
        return recommendations.contains(recommendation);
    }

    public Finding findingFor(Recommendation recommendation) {
        return findings.get(recommendation.code());
    }
}
