package org.ombc.cds.logic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.PrimaryTumour;

/**
 * The selection logic of {@code clinical-rules.md}, as pure functions of the mapped record, in the order the rules
 * ask: is it metastatic breast cancer, oligometastatic (section 3), in which ESTRO-EORTC state (4), with which
 * prognostic factors (5); which rows of the rule table apply (6), which trials to check (8), and what is missing (7).
 * Every date is taken from the record, never from the clock, so the same record always gives the same assessment.
 * Dates are intervals: a threshold on them is decided only when the whole interval lies on one side; otherwise the
 * fact is unknown and the date that left it undecided is named as missing (clinical-rules 8).
 */
public final class OmbcAssessor {

    private static final String OLIGOMETASTATIC_FINDING = "oligometastatic";

    private final String knowledgeVersion;
    private final List<Trial> trials;

    /**
     * @param knowledgeVersion the version every assessment carries
     * @param trials           the trials to check (clinical-rules 8), as the loading layer read them
     */
    public OmbcAssessor(String knowledgeVersion, List<Trial> trials) {
        this.knowledgeVersion = knowledgeVersion;
        this.trials = trials.stream().sorted(Comparator.comparing(Trial::nct)).toList();
    }

    public Assessment assess(OmbcRecord record) {
        DiseaseBurden burden = DiseaseBurden.of(record);
        PrimaryTumour primary = record.primary();
        if (primary == null) {
            return Assessment.noBreastCancer(burden, record, knowledgeVersion);
        }
        Subtype subtype = Subtype.of(record);
        if (!burden.metastatic()) {
            return Assessment.notMetastatic(subtype, burden, record, knowledgeVersion);
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        Set<MissingData> undecided = EnumSet.noneOf(MissingData.class);

        OligometastaticState oligo = EstroEortcClassification.oligometastaticState(burden);
        findings.put(OLIGOMETASTATIC_FINDING, EstroEortcClassification.oligometastaticFinding(burden, oligo));
        Optional<EstroEortcState> state = Optional.empty();
        if (oligo == OligometastaticState.YES) {
            EstroEortcClassification.Classified classified = EstroEortcClassification.classify(record, primary, burden);
            findings.put(EstroEortcClassification.FINDING, classified.finding());
            undecided.addAll(classified.undecided());
            state = classified.state();
        }

        Integer dfi = DateThresholds.reportedDfi(primary.diagnosedDate(), burden.firstMetastasis());
        PrognosticFactors.Present factors = PrognosticFactors.of(record, primary, burden, dfi);
        factors.findings().forEach(f -> findings.put(f.code(), f));
        undecided.addAll(factors.undecided());

        List<Trial> matching = TrialMatching.matching(record, primary, burden, state, trials);
        CaseFacts facts = new CaseFacts(record, primary, burden, oligo, state.orElse(null), subtype, dfi, matching);
        List<Recommendation> recommendations = new ArrayList<>();
        for (Recommendation recommendation : Recommendation.values()) {
            RuleOutcome outcome = recommendation.ask(facts);
            undecided.addAll(outcome.undecided());
            if (outcome.isApplicable()) {
                recommendations.add(recommendation);
                findings.put(
                        recommendation.code(),
                        new Finding(
                                recommendation.code(),
                                recommendation.rule(),
                                outcome.facts(),
                                recommendation.evidence()));
            }
        }
        return Assessment.metastatic(
                facts,
                factors.factors(),
                recommendations,
                MissingDataCheck.toRecord(record, burden, undecided),
                findings,
                knowledgeVersion);
    }
}
