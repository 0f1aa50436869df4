package org.ombc.cds.knowledge;

import java.util.Arrays;
import java.util.List;
import org.ombc.cds.model.Site;

/**
 * The ValueSets of {@code fhir-profiles/valuesets} that the mapper reads. Only their ids live here: the codes
 * themselves are in the published files, so integrators and the service read one list.
 */
public enum ValueSetId {
    PRIMARY_BREAST_CANCER("primary-breast-cancer"),
    // the breast as a body site: with the mCODE PrimaryCancerCondition profile, a breast primary (clinical-rules 10)
    BODY_SITE_BREAST("body-site-breast"),
    LATERALITY_LEFT("laterality-left"),
    LATERALITY_RIGHT("laterality-right"),
    METASTASIS("metastasis"),
    BODY_SITE_STERNUM("body-site-sternum"),
    CLINICAL_STATUS_CURRENT("clinical-status-current"),
    VERIFICATION_STATUS_VOID("verification-status-void"),
    LESION_COUNT("lesion-count"),
    LESION_SIZE("lesion-size"),
    ER_TEST("er-test"),
    PR_TEST("pr-test"),
    HER2_TEST("her2-test"),
    RESULT_POSITIVE("result-positive"),
    RESULT_NEGATIVE("result-negative"),
    N_CATEGORY("n-category"),
    DISEASE_STATUS("disease-status"),
    DISEASE_PROGRESSING("disease-progressing"),
    DISEASE_NOT_PROGRESSING("disease-not-progressing"),
    SYSTEMIC_THERAPY("systemic-therapy"),
    BREAST_SURGERY("breast-surgery"),
    IMAGING_CATEGORY("imaging-category"),
    OVERRIDE_REASONS("override-reasons"),
    // order-sign (clinical-rules 9): what a draft order is, and the override reasons of its cards
    RADIOTHERAPY_ORDER("radiotherapy-order"),
    TREATMENT_INTENT_PALLIATIVE("treatment-intent-palliative"),
    TREATMENT_INTENT_CURATIVE("treatment-intent-curative"),
    METASTASIS_SURGERY("metastasis-surgery"),
    OVERRIDE_REASONS_PALLIATIVE_RADIOTHERAPY("override-reasons-palliative-radiotherapy"),
    OVERRIDE_REASONS_SYSTEMIC_THERAPY_ALONE("override-reasons-systemic-therapy-alone"),
    // concept families of clinical-rules 10, expansions built from fhir-profiles/terminology
    // breast look-alikes (in situ, benign, history of, family history, screening): known and not breast cancer
    BREAST_CANCER_EXCLUDED("breast-cancer-excluded"),
    // HER2 IHC score 3+
    HER2_IHC_POSITIVE("her2-ihc-positive"),
    // HER2 IHC score 0 or 1+
    HER2_IHC_NEGATIVE("her2-ihc-negative"),
    // HER2 IHC score 2+: unknown without ISH
    HER2_IHC_EQUIVOCAL("her2-ihc-equivocal"),
    // HER2 ISH answer: amplified
    HER2_ISH_AMPLIFIED("her2-ish-amplified"),
    // HER2 ISH answer: not amplified
    HER2_ISH_NOT_AMPLIFIED("her2-ish-not-amplified"),
    // Observation.code whose value is the HER2/CEP17 ratio (number or text)
    HER2_ISH_RATIO("her2-ish-ratio"),
    // Observation.code of a TNM M category
    STAGING_M_CATEGORY("staging-m-category"),
    // M category values that say distant metastases: any M1
    M1_CATEGORY("m1-category"),
    // Observation.code of a TNM stage group
    STAGE_GROUP("stage-group"),
    // stage group values IV, IVA, IVB, IVC
    STAGE_IV("stage-iv"),
    // ingredient and brand-name concepts of systemic-therapy: the words that name a listed agent
    SYSTEMIC_THERAPY_AGENTS("systemic-therapy-agents");

    private final String id;

    ValueSetId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The Observation questions the service reads (receptors, nodal category, disease status, lesion count and
     * size, staging): the prefetch asks for their codes, and an Observation coded by one of them is never named as
     * unplaced.
     */
    public static final List<ValueSetId> OBSERVATION_QUESTIONS = List.of(
            ER_TEST,
            PR_TEST,
            HER2_TEST,
            N_CATEGORY,
            DISEASE_STATUS,
            LESION_COUNT,
            LESION_SIZE,
            STAGING_M_CATEGORY,
            STAGE_GROUP);

    /**
     * The sites a ValueSet can place a metastasis in, in the order the mapper tries them; {@link Site#OTHER} is
     * where a metastasis is when none places it (clinical-rules 2 and 8: 128462008 or C79.9 without bodySite).
     */
    public static final List<Site> CODED_SITES =
            Arrays.stream(Site.values()).filter(site -> site != Site.OTHER).toList();

    /** The ValueSet placing a metastasis in {@code site} by its Condition.code. */
    public static String metastasisCode(Site site) {
        return "metastasis-code-" + suffix(site);
    }

    /** The ValueSet placing a metastasis in {@code site} by its Condition.bodySite. */
    public static String bodySite(Site site) {
        return "body-site-" + suffix(site);
    }

    /** An axillary node is coded without its side: the side decides later whether it is distant. */
    private static String suffix(Site site) {
        return switch (site) {
            case BONE -> "bone";
            case LIVER -> "liver";
            case LUNG -> "lung";
            case BRAIN -> "brain";
            case PLEURA -> "pleura";
            case ADRENAL -> "adrenal";
            case AXILLARY_LYMPH_NODE -> "axillary-lymph-node";
            case DISTANT_LYMPH_NODE -> "distant-lymph-node";
            case SKIN_SOFT_TISSUE -> "skin-soft-tissue";
            case OTHER -> throw new IllegalArgumentException("no ValueSet places a metastasis at site other");
        };
    }
}
