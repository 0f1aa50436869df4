package org.ombc.cds.logic;

import java.util.List;

/** The recommendations of clinical-rules 6, each with the rule it implements and the evidence to show. */
public enum Recommendation {
    MDT_DISCUSSION("mdt-discussion", "Discuss at the multidisciplinary tumour board", true,
            "oligometastatic yes or indeterminate",
            List.of(Evidence.SABR_COMET, Evidence.NRG_BR002, Evidence.MERLONI_2023)),
    SABR("sabr", "Stereotactic ablative radiotherapy (SABR) of extracranial lesions", true,
            "oligometastatic yes and any extracranial lesion",
            List.of(Evidence.SABR_COMET, Evidence.TROVO_2018, Evidence.SABR_TOXICITY)),
    METASTASIS_SURGERY("metastasis-surgery", "Surgical resection of metastases", true,
            "oligometastatic yes and liver lesions, or a solitary lung, brain or bone lesion",
            List.of(Evidence.YOO_2017, Evidence.YOSHIMOTO_2008, Evidence.FAN_2015, Evidence.PATCHELL_1990,
                    Evidence.DURR_2002)),
    LIVER_RFA("liver-rfa", "Radiofrequency ablation of the liver lesion", true,
            "a single liver lesion under 3 cm, ER-positive",
            List.of(Evidence.BAI_2018, Evidence.XIAO_2018)),
    BRAIN_RADIOSURGERY("brain-radiosurgery", "Stereotactic radiosurgery (Gamma Knife) of brain lesions", true,
            "brain lesions, oligometastatic yes",
            List.of(Evidence.AOYAGI_2020)),
    REGIONAL_CURATIVE_TREATMENT("regional-curative-treatment", "Treat as regional disease with curative intent", false,
            "all current lesions are sternal, or all are contralateral axillary nodes",
            List.of(Evidence.CHRISTOPHERSON_2019, Evidence.MOOSDORFF_2015)),
    PRIMARY_TUMOR_SURGERY("primary-tumor-surgery", "Consider surgery of the primary tumour", true,
            "synchronous, primary not resected, oligometastatic yes, not triple-negative, and bone-only or HR+ or HER2+",
            List.of(Evidence.MF07_01, Evidence.BOMET, Evidence.E2108, Evidence.BADWE_2015)),
    STAGING_IMAGING("staging-imaging", "High-resolution staging: PET-CT or whole-body MRI", false,
            "metastatic, and no imaging dated within 90 days of the OMD diagnosis date",
            List.of(Evidence.LIEVENS_2020, Evidence.WB_MRI)),
    CLINICAL_TRIAL("clinical-trial", "Check clinical trial eligibility", true,
            "oligometastatic yes and at least one open trial of clinical-rules 8 matches",
            List.of(Evidence.MERLONI_2023));

    private final String code;
    private final String title;
    private final boolean metastasisDirected;
    private final String rule;
    private final List<Evidence> evidence;

    Recommendation(String code, String title, boolean metastasisDirected, String rule, List<Evidence> evidence) {
        this.code = code;
        this.title = title;
        this.metastasisDirected = metastasisDirected;
        this.rule = rule;
        this.evidence = evidence;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Never recommended when the patient is not oligometastatic (clinical-rules 6, last paragraph). */
    public boolean isMetastasisDirected() {
        return metastasisDirected;
    }

    /** The row of clinical-rules 6 this recommendation implements. */
    public String rule() {
        return "clinical-rules 6 `" + code + "`: " + rule;
    }

    public List<Evidence> evidence() {
        return evidence;
    }
}
