package org.ombc.cds.logic;

import java.util.ArrayList;
import java.util.List;
import org.ombc.cds.model.Answer;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.Site;

/**
 * The clinical questions of the rows of {@link Recommendation}, one pure function each (clinical-rules 6). Each is
 * asked only of a patient its row's scope permits, so none repeats the oligometastatic condition; each answers with
 * the facts of this patient that make it apply.
 */
final class RecommendationRules {

    private RecommendationRules() {}

    /** Row {@code mdt-discussion}: selection is multidisciplinary (review, conclusion). */
    static RuleOutcome mdtDiscussion(CaseFacts c) {
        return RuleOutcome.applies("oligometastatic: " + c.oligo().code());
    }

    /** Row {@code sabr}: SABR-COMET and Trovo 2018 treated extracranial lesions (review, Table 1). */
    static RuleOutcome sabr(CaseFacts c) {
        List<String> extracranial = c.burden().sites().stream()
                .filter(s -> !s.isIntracranial())
                .map(Site::code)
                .toList();
        return extracranial.isEmpty()
                ? RuleOutcome.doesNotApply()
                : RuleOutcome.applies("extracranial sites: " + String.join(", ", extracranial));
    }

    /**
     * Row {@code metastasis-surgery}: liver lesions (Yoo 2017); a solitary lung (Yoshimoto 2008, with Fan 2015's
     * negative factors), brain (Patchell 1990) or bone lesion (Durr 2002: the only metastasis). Review, refs 19-24.
     */
    static RuleOutcome metastasisSurgery(CaseFacts c) {
        List<String> facts = new ArrayList<>();
        int liver = c.burden().lesionsAt(Site.LIVER);
        if (liver > 0) {
            facts.add("liver: " + liver + " lesion(s); resection 5-y OS 37%");
        }
        RuleOutcome lung = solitaryLungLesion(c);
        facts.addAll(lung.facts());
        if (c.burden().lesionsAt(Site.BRAIN) == 1) {
            facts.add("solitary brain lesion");
        }
        if (c.burden().solitary() && c.burden().onlyAt(Site.BONE)) {
            facts.add("solitary bone lesion, the only metastasis");
        }
        return new RuleOutcome(facts, lung.undecided());
    }

    /** A solitary lung lesion, with the negative factors of Fan 2015 shown against it (clinical-rules 6). */
    private static RuleOutcome solitaryLungLesion(CaseFacts c) {
        if (c.burden().lesionsAt(Site.LUNG) != 1) {
            return RuleOutcome.doesNotApply();
        }
        List<String> facts = new ArrayList<>(List.of("solitary lung lesion"));
        DateInterval primary = c.primary().diagnosedDate();
        DateInterval first = c.burden().firstMetastasis();
        int months = Thresholds.LUNG_SHORT_DFI_MONTHS;
        Answer shortDfi = DateThresholds.dfiAtMost(primary, first, months);
        if (shortDfi != Answer.NO) {
            Integer dfi = c.dfi();
            String interval = dfi != null && shortDfi == Answer.YES
                    ? dfi + " months"
                    : shortDfi == Answer.YES && primary != null && first != null
                            ? "of at most " + DateInterval.maxMonths(primary, first) + " months"
                            : "unknown";
            facts.add("negative factor: disease-free interval " + interval + " (" + Thresholds.inYears(months)
                    + " or less is unfavourable)");
        }
        if (c.record().er().isNegative() && c.record().pr().isNegative()) {
            facts.add("negative factor: hormone receptor negative");
        }
        RuleOutcome outcome = RuleOutcome.applies(facts);
        return shortDfi == Answer.UNDECIDED ? outcome.naming(DateThresholds.undecidedBy(primary, first)) : outcome;
    }

    /** Row {@code liver-rfa}: Bai 2018, a single ER-positive lesion under the size threshold (review, ref. 34). */
    static RuleOutcome liverRfa(CaseFacts c) {
        if (c.burden().lesionsAt(Site.LIVER) != 1 || !c.record().er().isPositive()) {
            return RuleOutcome.doesNotApply();
        }
        for (Lesion lesion : c.burden().current()) {
            if (lesion.site() == Site.LIVER) {
                Double size = lesion.sizeMm();
                if (size == null || size >= Thresholds.RFA_MAX_MM) {
                    return RuleOutcome.doesNotApply();
                }
                return RuleOutcome.applies(
                        "single liver lesion of " + size.intValue() + " mm (under " + (int) Thresholds.RFA_MAX_MM
                                + " mm)",
                        "ER positive");
            }
        }
        return RuleOutcome.doesNotApply();
    }

    /** Row {@code brain-radiosurgery}: Aoyagi 2020, HER2-positive disease benefits most (review, ref. 52). */
    static RuleOutcome brainRadiosurgery(CaseFacts c) {
        int brain = c.burden().lesionsAt(Site.BRAIN);
        if (brain == 0) {
            return RuleOutcome.doesNotApply();
        }
        List<String> facts = new ArrayList<>(List.of("brain: " + brain + " lesion(s)"));
        if (c.record().her2().isPositive()) {
            facts.add("HER2-positive: the subgroup that benefits most");
        }
        return RuleOutcome.applies(facts);
    }

    /**
     * Row {@code regional-curative-treatment}: sternal and contralateral axillary disease behave as regional,
     * lymphatic spread (review, refs 46-50). An axillary node of unknown side may be regional: no decision.
     */
    static RuleOutcome regionalCurativeTreatment(CaseFacts c) {
        List<Lesion> current = c.burden().current();
        if (current.isEmpty() || !c.burden().unknownSideAxillary().isEmpty()) {
            return RuleOutcome.doesNotApply();
        }
        if (current.stream().allMatch(Lesion::sternal)) {
            return RuleOutcome.applies("all current lesions are sternal");
        }
        if (current.stream().allMatch(l -> l.site() == Site.AXILLARY_LYMPH_NODE)) {
            return RuleOutcome.applies("all current lesions are contralateral axillary nodes");
        }
        return RuleOutcome.doesNotApply();
    }

    /**
     * Row {@code primary-tumor-surgery}: MF07-01 and BOMET benefit for de novo HR+, HER2+ or bone-only disease,
     * none in triple-negative disease; E2108 and Badwe were negative, hence selected patients only (review, refs
     * 41-45).
     */
    static RuleOutcome primaryTumorSurgery(CaseFacts c) {
        if (c.state() != EstroEortcState.SYNCHRONOUS || c.record().primaryResected()) {
            return RuleOutcome.doesNotApply();
        }
        boolean hr = Subtype.hormoneReceptorPositive(c.record());
        boolean her2 = c.record().her2().isPositive();
        boolean boneOnly = c.burden().onlyAt(Site.BONE);
        boolean knownNotTripleNegative = c.subtype() != Subtype.TRIPLE_NEGATIVE && c.subtype() != Subtype.UNKNOWN;
        if (!(hr || her2 || (boneOnly && knownNotTripleNegative))) {
            return RuleOutcome.doesNotApply();
        }
        List<String> facts = new ArrayList<>(List.of("synchronous (de novo) disease", "no breast surgery recorded"));
        if (boneOnly) {
            facts.add("bone-only disease");
        }
        if (hr) {
            facts.add("hormone receptor positive");
        }
        if (her2) {
            facts.add("HER2-positive");
        }
        return RuleOutcome.applies(facts);
    }

    /**
     * Row {@code staging-imaging}: ESTRO-ASTRO asks for high-resolution imaging (review, ref. 87: WB-MRI found more
     * disease). Not when some imaging lies within the window of the OMD date for every day of both dates;
     * undecided when an imaging date may or may not lie in it: nothing recommended, an imprecise OMD date named.
     */
    static RuleOutcome stagingImaging(CaseFacts c) {
        List<DateInterval> imaging = c.record().imagingDates();
        DateInterval omd = c.burden().omd();
        if (omd == null) {
            return imaging.isEmpty()
                    ? RuleOutcome.applies("no imaging report in the record")
                    : RuleOutcome.doesNotApply();
        }
        boolean undecided = false;
        for (DateInterval date : imaging) {
            if (omd.maxDaysTo(date) <= Thresholds.IMAGING_WINDOW_DAYS) {
                return RuleOutcome.doesNotApply();
            }
            undecided |= omd.minDaysTo(date) <= Thresholds.IMAGING_WINDOW_DAYS;
        }
        if (undecided) {
            return RuleOutcome.undecidedFor(DateThresholds.undecidedByOmd(omd));
        }
        return RuleOutcome.applies(
                "no imaging dated within " + Thresholds.IMAGING_WINDOW_DAYS + " days of the OMD date " + omd);
    }

    /** Row {@code clinical-trial}: exactly when some trial matches (clinical-rules 6 and 8; review, Table 2). */
    static RuleOutcome clinicalTrial(CaseFacts c) {
        if (c.trials().isEmpty()) {
            return RuleOutcome.doesNotApply();
        }
        return RuleOutcome.applies(
                "oligometastatic: yes",
                "trials to check: "
                        + String.join(
                                ", ",
                                c.trials().stream()
                                        .map(t -> t.displayName() + " (" + t.nct() + ")")
                                        .toList()));
    }
}
