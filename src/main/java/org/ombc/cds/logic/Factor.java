package org.ombc.cds.logic;

/** Prognostic factors of van Ommen-Nijhof 2020 as the review lists them (clinical-rules 5). */
public enum Factor {
    SOLITARY_METASTASIS("solitary-metastasis", "solitary metastasis", true),
    LONG_DISEASE_FREE_INTERVAL(
            "long-disease-free-interval",
            "disease-free interval of " + Thresholds.LONG_DFI_MONTHS + " months or more",
            true),
    HORMONE_RECEPTOR_POSITIVE("hormone-receptor-positive", "hormone receptor positive", true),
    HER2_POSITIVE("her2-positive", "HER2-positive (anti-HER2 therapy was rare in those series)", false),
    AXILLARY_NODES_AT_DIAGNOSIS("axillary-nodes-at-diagnosis", "axillary nodes involved at primary diagnosis", false);

    private final String code;
    private final String label;
    private final boolean favorable;

    Factor(String code, String label, boolean favorable) {
        this.code = code;
        this.label = label;
        this.favorable = favorable;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean isFavorable() {
        return favorable;
    }
}
