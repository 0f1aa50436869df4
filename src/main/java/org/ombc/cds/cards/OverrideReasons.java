package org.ombc.cds.cards;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.protocol.json.CdsHooksModel.Coding;

/** The override reasons a card offers, from those published in ValueSet override-reasons. */
final class OverrideReasons {

    private OverrideReasons() {}

    /**
     * Only the reasons that make sense for what this card proposes: "not fit for local therapy" only when local
     * therapy is proposed, "already discussed at tumour board" only when the board is, "patient preference" only
     * when something is proposed; disagreeing with the classification always fits.
     */
    static List<Coding> fitting(Assessment a, List<Coding> all) {
        boolean local = a.recommendations().stream()
                        .anyMatch(r -> r.isMetastasisDirected()
                                && r != Recommendation.MDT_DISCUSSION
                                && r != Recommendation.CLINICAL_TRIAL)
                || a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT);
        boolean board =
                a.recommends(Recommendation.MDT_DISCUSSION) || a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT);
        Set<String> fitting = new HashSet<>(Set.of("disagree-with-classification"));
        if (local) {
            fitting.add("not-fit-for-local-therapy");
        }
        if (board) {
            fitting.add("discussed-at-tumour-board");
        }
        if (!a.recommendations().isEmpty()) {
            fitting.add("patient-preference");
        }
        // A reason published later (not named here) is offered whenever something is proposed.
        Set<String> known = Set.of(
                "disagree-with-classification",
                "not-fit-for-local-therapy",
                "discussed-at-tumour-board",
                "patient-preference");
        return all.stream()
                .filter(c -> fitting.contains(c.code())
                        || (!known.contains(c.code()) && !a.recommendations().isEmpty()))
                .toList();
    }
}
