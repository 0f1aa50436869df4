package org.ombc.cds.cards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.Evidence;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.Trial;
import org.ombc.cds.logic.ordersign.OrderSignAdvice;
import org.ombc.cds.logic.ordersign.OrderSignAdvice.Kind;
import org.ombc.cds.protocol.json.CdsHooksModel.Card;
import org.ombc.cds.protocol.json.CdsHooksModel.Coding;
import org.ombc.cds.protocol.json.CdsHooksModel.Link;
import org.ombc.cds.protocol.json.CdsHooksModel.Suggestion;

/**
 * The order-sign cards (clinical-rules 9): at most one card, short, with the tumour-board referral of the
 * patient-view card, the evidence, and override reasons that fit it. Silence when no rule applies.
 */
public final class OrderSignCards {

    /** The extension naming the rule that fired and the draft orders it is about. */
    public static final String EXTENSION_KEY = "ombc-order-sign";

    /** Merloni et al. 2023, Conclusions (reference/merloni-2023-oligometastatic-breast-cancer-review.txt). */
    static final String PALLIATIVE_QUOTE = "is often considered for palliative purposes rather than curative intent";

    static final String OPPORTUNITY_QUOTE = "we cannot miss this opportunity";

    private static final List<Recommendation> LOCAL_OPTIONS = List.of(
            Recommendation.REGIONAL_CURATIVE_TREATMENT,
            Recommendation.SABR,
            Recommendation.METASTASIS_SURGERY,
            Recommendation.LIVER_RFA,
            Recommendation.BRAIN_RADIOSURGERY,
            Recommendation.PRIMARY_TUMOR_SURGERY);

    private final OmbcCards shared;
    private final List<Coding> radiotherapyReasons;
    private final List<Coding> systemicReasons;

    public OrderSignCards(OmbcCards shared, Terminology terminology) {
        this.shared = shared;
        this.radiotherapyReasons = reasons(terminology, ValueSetId.OVERRIDE_REASONS_PALLIATIVE_RADIOTHERAPY);
        this.systemicReasons = reasons(terminology, ValueSetId.OVERRIDE_REASONS_SYSTEMIC_THERAPY_ALONE);
    }

    private static List<Coding> reasons(Terminology terminology, ValueSetId valueSet) {
        return terminology.concepts(valueSet).stream()
                .map(c -> new Coding(c.system(), c.code(), c.display()))
                .toList();
    }

    /**
     * The order-sign cards for the planned orders and the assessment.
     *
     * @param problems what could not be read of the chart: the card says the assessment may be incomplete (the
     *                 patient-view card names them)
     */
    public List<Card> cards(OrderSignAdvice advice, Assessment a, String patientId, List<String> problems) {
        return switch (advice.kind()) {
            case NONE -> List.of();
            case PALLIATIVE_RADIOTHERAPY ->
                List.of(card(
                        advice,
                        a,
                        patientId,
                        problems,
                        "warning",
                        radiotherapySummary(advice, a),
                        radiotherapyReasons));
            case SYSTEMIC_THERAPY_ALONE ->
                List.of(card(
                        advice,
                        a,
                        patientId,
                        problems,
                        "info",
                        "Newly oligometastatic: systemic therapy alone ordered - consider tumour board for added local "
                                + "therapy",
                        systemicReasons));
        };
    }

    /** Under 140 characters: the state, what may apply, and what to do before signing. */
    static String radiotherapySummary(OrderSignAdvice advice, Assessment a) {
        String option = a.recommends(Recommendation.SABR) ? "curative-intent SABR" : "curative-intent local therapy";
        boolean palliative = advice.facts().contains("radiotherapy ordered with palliative intent");
        return palliative
                ? "Oligometastatic: " + option + " may apply - discuss at tumour board before palliative RT"
                : "Oligometastatic, RT intent not stated: " + option + " may apply - discuss at tumour board first";
    }

    private Card card(
            OrderSignAdvice advice,
            Assessment a,
            String patientId,
            List<String> problems,
            String indicator,
            String summary,
            List<Coding> overrideReasons) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put(OmbcCards.EXTENSION_KEY, AssessmentJson.of(a));
        extension.put(EXTENSION_KEY, Map.of("rule", advice.kind().code(), "orders", advice.orders()));
        Optional<Suggestion> referral = shared.tumourBoardReferral(patientId, a);
        return new Card(
                UUID.randomUUID().toString(),
                summary,
                detail(advice, a, problems),
                indicator,
                shared.source(a),
                referral.map(List::of).orElse(null),
                referral.isPresent() ? "any" : null,
                overrideReasons,
                List.of(
                        new Link("Review: Merloni et al. 2023", Evidence.MERLONI_2023.url(), "absolute", null, null),
                        new Link("SABR-COMET (Palma et al. 2020)", Evidence.SABR_COMET.url(), "absolute", null, null)),
                extension);
    }

    /**
     * Short markdown: why, the review's point in its words, one figure, the caveat, the options, who decides. The
     * facts are the rules' own words (agent names as our ValueSet publishes them): no sender text to escape.
     */
    static String detail(OrderSignAdvice advice, Assessment a, List<String> problems) {
        StringBuilder md = new StringBuilder(1200);
        md.append("**Oligometastatic breast cancer**: ")
                .append(String.join("; ", advice.facts()))
                .append(".\n\n");
        if (advice.kind() == Kind.PALLIATIVE_RADIOTHERAPY) {
            md.append("Local treatment of metastases \"")
                    .append(PALLIATIVE_QUOTE)
                    .append("\" (Merloni et al. 2023). With 1-5 lesions, curative-intent treatment may apply.\n\n");
        } else {
            md.append("The review discusses systemic therapy combined with metastasis-directed therapy (SABR or ")
                    .append("surgery) for selected patients: \"")
                    .append(OPPORTUNITY_QUOTE)
                    .append("\" (Merloni et al. 2023).\n\n");
        }
        md.append("- SABR-COMET: 5-y overall survival 42% with SABR vs 18% with standard care (randomised, ")
                .append("18% breast).\n")
                .append("- NRG-BR002 (breast only) was negative for progression-free survival: selection matters.\n\n");
        List<String> options = LOCAL_OPTIONS.stream()
                .filter(a::recommends)
                .map(Recommendation::title)
                .toList();
        if (!options.isEmpty()) {
            md.append("Options for the tumour board: ")
                    .append(String.join("; ", options))
                    .append(".\n\n");
        }
        if (!a.trials().isEmpty()) {
            md.append("Trials to check: ")
                    .append(String.join(
                            ", ", a.trials().stream().map(Trial::displayName).toList()))
                    .append(".\n\n");
        }
        if (advice.kind() == Kind.PALLIATIVE_RADIOTHERAPY) {
            md.append("If palliation is urgent (cord compression, pain), treat now and still refer.\n\n");
        }
        if (!problems.isEmpty()) {
            md.append("Part of the chart could not be read: the assessment may be incomplete.\n\n");
        }
        md.append("Decision support only: the tumour board confirms that every lesion is safely treatable.\n");
        return md.toString();
    }
}
