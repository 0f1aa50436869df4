package org.ombc.cds.logic;

import static org.ombc.cds.logic.Thresholds.IMAGING_WINDOW_DAYS;
import static org.ombc.cds.logic.Thresholds.LUNG_SHORT_DFI_MONTHS;
import static org.ombc.cds.logic.Thresholds.RFA_MAX_MM;

import java.util.List;
import java.util.function.Function;

/**
 * The rule table of clinical-rules 6: one row per recommendation, the way {@link Trial} is one row per trial.
 * A row says who may get it ({@link Scope}), when (the clinical question, a pure function in
 * {@link RecommendationRules}, and its words), what record data the question reads, what the card must show against
 * it, and the evidence (Merloni et al. 2023, the review the clinical rules come from). Every threshold in the words
 * comes from {@link Thresholds}.
 */
// ImmutableEnumChecker: every row's lists are List.of (unmodifiable) and its question a static method reference;
// the checker accepts only Guava's immutable types, which logic does not depend on.
@SuppressWarnings("ImmutableEnumChecker")
public enum Recommendation {
    MDT_DISCUSSION(
            "mdt-discussion",
            "Discuss at the multidisciplinary tumour board",
            Scope.OLIGOMETASTATIC_OR_INDETERMINATE,
            "oligometastatic yes or indeterminate",
            List.of("lesion count"),
            List.of(),
            RecommendationRules::mdtDiscussion,
            List.of(Evidence.SABR_COMET, Evidence.NRG_BR002, Evidence.MERLONI_2023)),
    SABR(
            "sabr",
            "Stereotactic ablative radiotherapy (SABR) of extracranial lesions",
            Scope.OLIGOMETASTATIC,
            "oligometastatic yes and any extracranial lesion",
            List.of("lesion count", "lesion sites"),
            List.of(),
            RecommendationRules::sabr,
            List.of(Evidence.SABR_COMET, Evidence.TROVO_2018, Evidence.SABR_TOXICITY)),
    METASTASIS_SURGERY(
            "metastasis-surgery",
            "Surgical resection of metastases",
            Scope.OLIGOMETASTATIC,
            "oligometastatic yes and liver lesions, or a solitary lung, brain or bone lesion",
            List.of("lesion count", "lesion sites", "primary and metastasis diagnosis dates (lung)", "ER, PR (lung)"),
            List.of(
                    "solitary lung lesion: disease-free interval of " + LUNG_SHORT_DFI_MONTHS
                            + " months or less, or unknown (Fan 2015)",
                    "solitary lung lesion: ER and PR negative (Fan 2015)"),
            RecommendationRules::metastasisSurgery,
            List.of(
                    Evidence.YOO_2017,
                    Evidence.YOSHIMOTO_2008,
                    Evidence.FAN_2015,
                    Evidence.PATCHELL_1990,
                    Evidence.DURR_2002)),
    LIVER_RFA(
            "liver-rfa",
            "Radiofrequency ablation of the liver lesion",
            Scope.OLIGOMETASTATIC,
            "a single liver lesion under " + Thresholds.inCentimetres(RFA_MAX_MM) + ", ER-positive",
            List.of("lesion count", "lesion sites", "liver lesion size", "ER"),
            List.of("resection gave better survival: RFA for unresectable lesions or high surgical risk (Xiao 2018)"),
            RecommendationRules::liverRfa,
            List.of(Evidence.BAI_2018, Evidence.XIAO_2018)),
    BRAIN_RADIOSURGERY(
            "brain-radiosurgery",
            "Stereotactic radiosurgery (Gamma Knife) of brain lesions",
            Scope.OLIGOMETASTATIC,
            "brain lesions, oligometastatic yes",
            List.of("lesion count", "lesion sites", "HER2"),
            List.of(),
            RecommendationRules::brainRadiosurgery,
            List.of(Evidence.AOYAGI_2020)),
    REGIONAL_CURATIVE_TREATMENT(
            "regional-curative-treatment",
            "Treat as regional disease with curative intent",
            Scope.ANY_METASTATIC,
            "all current lesions are sternal, or all are contralateral axillary nodes",
            List.of("lesion sites", "sternum", "axillary node side and the primary's side"),
            List.of(),
            RecommendationRules::regionalCurativeTreatment,
            List.of(Evidence.CHRISTOPHERSON_2019, Evidence.MOOSDORFF_2015)),
    PRIMARY_TUMOR_SURGERY(
            "primary-tumor-surgery",
            "Consider surgery of the primary tumour",
            Scope.OLIGOMETASTATIC,
            "synchronous, primary not resected, oligometastatic yes, not triple-negative, and bone-only or HR+ or HER2+",
            List.of(
                    "lesion count",
                    "lesion sites",
                    "primary and metastasis diagnosis dates",
                    "breast surgery",
                    "ER, PR, HER2"),
            List.of("E2108 and Badwe 2015 found no survival benefit: selected patients only"),
            RecommendationRules::primaryTumorSurgery,
            List.of(Evidence.MF07_01, Evidence.BOMET, Evidence.E2108, Evidence.BADWE_2015)),
    STAGING_IMAGING(
            "staging-imaging",
            "High-resolution staging: PET-CT or whole-body MRI",
            Scope.ANY_METASTATIC,
            "metastatic, and no imaging dated within " + IMAGING_WINDOW_DAYS + " days of the OMD diagnosis date",
            List.of("imaging report dates", "metastasis diagnosis dates"),
            List.of(),
            RecommendationRules::stagingImaging,
            List.of(Evidence.LIEVENS_2020, Evidence.WB_MRI)),
    CLINICAL_TRIAL(
            "clinical-trial",
            "Check clinical trial eligibility",
            Scope.OLIGOMETASTATIC,
            "oligometastatic yes and at least one open trial of clinical-rules 8 matches",
            List.of("the facts each trial checks (clinical-rules 8)"),
            List.of(),
            RecommendationRules::clinicalTrial,
            List.of(Evidence.MERLONI_2023));

    /**
     * Who may get a recommendation, by the oligometastatic state (clinical-rules 3 and 6). The one safety rule of
     * clinical-rules 6, last paragraph, lives here: metastasis-directed therapy is never recommended when
     * oligometastatic is {@code no}.
     */
    public enum Scope {
        /** Any metastatic patient: the advice is about staging or about disease that is not distant. */
        ANY_METASTATIC(false, true),
        /** Metastasis-directed, and also for an unknown lesion count: the tumour board can count them. */
        OLIGOMETASTATIC_OR_INDETERMINATE(true, true),
        /** Metastasis-directed: only with 1-5 current lesions. */
        OLIGOMETASTATIC(true, false);

        private final boolean metastasisDirected;
        private final boolean alsoWhenIndeterminate;

        Scope(boolean metastasisDirected, boolean alsoWhenIndeterminate) {
            this.metastasisDirected = metastasisDirected;
            this.alsoWhenIndeterminate = alsoWhenIndeterminate;
        }

        public boolean permits(OligometastaticState oligo) {
            return switch (oligo) {
                case YES -> true;
                case NO -> !metastasisDirected;
                case INDETERMINATE -> alsoWhenIndeterminate;
            };
        }
    }

    private final String code;
    private final String title;
    private final Scope scope;
    private final String when;
    private final List<String> needs;
    private final List<String> shownAgainst;
    private final Function<CaseFacts, RuleOutcome> question;
    private final List<Evidence> evidence;

    Recommendation(
            String code,
            String title,
            Scope scope,
            String when,
            List<String> needs,
            List<String> shownAgainst,
            Function<CaseFacts, RuleOutcome> question,
            List<Evidence> evidence) {
        this.code = code;
        this.title = title;
        this.scope = scope;
        this.when = when;
        this.needs = needs;
        this.shownAgainst = shownAgainst;
        this.question = question;
        this.evidence = evidence;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Scope scope() {
        return scope;
    }

    /** Never recommended when the patient is not oligometastatic (clinical-rules 6, last paragraph). */
    public boolean isMetastasisDirected() {
        return scope.metastasisDirected;
    }

    /** The condition of the clinical-rules 6 row, in the project's words. */
    public String when() {
        return when;
    }

    /** The row of clinical-rules 6 this recommendation implements. */
    public String rule() {
        return "clinical-rules 6 `" + code + "`: " + when;
    }

    /** The record data the clinical question reads. */
    public List<String> needs() {
        return needs;
    }

    /**
     * The negative flags: what speaks against it in the review. The lung flags of {@code metastasis-surgery} are
     * facts of the patient, shown only when they hold; the others hold for every patient.
     */
    public List<String> shownAgainst() {
        return shownAgainst;
    }

    public List<Evidence> evidence() {
        return evidence;
    }

    /** The row's clinical question, asked only of a patient its scope permits. */
    RuleOutcome ask(CaseFacts facts) {
        return scope.permits(facts.oligo()) ? question.apply(facts) : RuleOutcome.doesNotApply();
    }
}
