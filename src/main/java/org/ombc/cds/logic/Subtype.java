package org.ombc.cds.logic;

/** Breast cancer subtype from the latest ER, PR and HER2 (clinical-rules 2). */
public enum Subtype {
    HER2_POSITIVE("her2-positive", "HER2-positive"),
    HR_POSITIVE_HER2_NEGATIVE("hr-positive-her2-negative", "HR-positive/HER2-negative"),
    TRIPLE_NEGATIVE("triple-negative", "triple-negative"),
    UNKNOWN("unknown", "unknown subtype");

    private final String code;
    private final String label;

    Subtype(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
