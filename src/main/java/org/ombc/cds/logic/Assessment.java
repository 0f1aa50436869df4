package org.ombc.cds.logic;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.Site;

/**
 * The OMBC assessment of one patient. The scalar fields are the public contract of {@code POST /ombc/assessment},
 * where null is written as JSON null; the findings carry, for each conclusion, the rule, the facts and the evidence
 * that the cards show. Built by the factories below, one per kind of patient.
 *
 * @param lesionCount               current distant lesions; null when not metastatic or when the count is unknown
 * @param organCount                distinct sites of those lesions; null when there are none
 * @param oligometastatic           null when not metastatic: the question does not arise
 * @param estroEortcState           null when not oligometastatic, or when the record cannot decide the state
 * @param diseaseFreeIntervalMonths null unless metastatic and both dates are known at least to the month
 *                                  (clinical-rules 8)
 * @param trials                    trials whose headline criteria match: "check eligibility"
 * @param findings                  the basis of every conclusion, keyed by its code (state codes, factor codes,
 *                                  recommendation codes)
 * @param burden                    the derived lesion facts, for the card's "facts used"
 * @param record                    the mapped record the assessment read
 */
public record Assessment(
        boolean breastCancer,
        boolean metastatic,
        @Nullable Integer lesionCount,
        @Nullable Integer organCount,
        List<String> sites,
        @Nullable OligometastaticState oligometastatic,
        @Nullable EstroEortcState estroEortcState,
        Subtype subtype,
        @Nullable Integer diseaseFreeIntervalMonths,
        List<Factor> favorableFactors,
        List<Factor> unfavorableFactors,
        List<Recommendation> recommendations,
        List<MissingData> missingData,
        String knowledgeVersion,
        List<Trial> trials,
        Map<String, Finding> findings,
        DiseaseBurden burden,
        OmbcRecord record) {

    /** No breast cancer in the record: nothing to assess (clinical-rules 1). */
    static Assessment noBreastCancer(DiseaseBurden burden, OmbcRecord record, String knowledgeVersion) {
        return new Assessment(
                false,
                false,
                null,
                null,
                List.of(),
                null,
                null,
                Subtype.UNKNOWN,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                knowledgeVersion,
                List.of(),
                Map.of(),
                burden,
                record);
    }

    /** Breast cancer without a current distant lesion: the subtype only. */
    static Assessment notMetastatic(Subtype subtype, DiseaseBurden burden, OmbcRecord record, String knowledgeVersion) {
        return new Assessment(
                true,
                false,
                null,
                null,
                List.of(),
                null,
                null,
                subtype,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                knowledgeVersion,
                List.of(),
                Map.of(),
                burden,
                record);
    }

    /**
     * Metastatic breast cancer, the lesion count known or not (then oligometastatic is indeterminate).
     *
     * @param factors         the prognostic factors present, favourable and not
     * @param recommendations the recommendations given, in any order
     */
    static Assessment metastatic(
            CaseFacts c,
            List<Factor> factors,
            List<Recommendation> recommendations,
            List<MissingData> missing,
            Map<String, Finding> findings,
            String knowledgeVersion) {
        DiseaseBurden burden = c.burden();
        return new Assessment(
                true,
                true,
                burden.lesionCount(),
                burden.sites().isEmpty() ? null : burden.sites().size(),
                burden.sites().stream().map(Site::code).sorted().toList(),
                c.oligo(),
                c.state(),
                c.subtype(),
                c.dfi(),
                factors.stream()
                        .filter(Factor::isFavorable)
                        .sorted(Comparator.comparing(Factor::code))
                        .toList(),
                factors.stream()
                        .filter(f -> !f.isFavorable())
                        .sorted(Comparator.comparing(Factor::code))
                        .toList(),
                recommendations.stream()
                        .sorted(Comparator.comparing(Recommendation::code))
                        .toList(),
                missing,
                knowledgeVersion,
                c.trials(),
                Map.copyOf(findings),
                burden,
                c.record());
    }

    public boolean recommends(Recommendation recommendation) {
        return recommendations.contains(recommendation);
    }

    /** The finding behind a recommendation given; asking for one not given is a programming error. */
    public Finding findingFor(Recommendation recommendation) {
        Finding finding = findings.get(recommendation.code());
        if (finding == null) {
            throw new IllegalArgumentException(recommendation.code() + " is not recommended");
        }
        return finding;
    }
}
