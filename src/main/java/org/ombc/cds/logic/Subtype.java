package org.ombc.cds.logic;

import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.ReceptorResult;

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

    /** clinical-rules 2: from the latest ER, PR and HER2; HER2-positive first, whatever the hormone receptors. */
    static Subtype of(OmbcRecord record) {
        ReceptorResult er = record.er();
        ReceptorResult pr = record.pr();
        ReceptorResult her2 = record.her2();
        if (her2.isPositive()) {
            return HER2_POSITIVE;
        }
        if ((er.isPositive() || pr.isPositive()) && her2.isNegative()) {
            return HR_POSITIVE_HER2_NEGATIVE;
        }
        if (er.isNegative() && pr.isNegative() && her2.isNegative()) {
            return TRIPLE_NEGATIVE;
        }
        return UNKNOWN;
    }

    /** HR+ = ER+ or PR+ (clinical-rules 2), whatever HER2 is. */
    static boolean hormoneReceptorPositive(OmbcRecord record) {
        return record.er().isPositive() || record.pr().isPositive();
    }
}
