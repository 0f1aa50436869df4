package org.ombc.cds.logic;

import java.util.function.Predicate;

/**
 * Ongoing trials of metastasis-directed therapy the review lists (Table 2), with the headline criteria the
 * record can check. A match means "check eligibility", never "eligible".
 */
public enum Trial {
    OLIGOMA("OLIGOMA", "NCT04495309", "1-5 lesions, up to 3 brain lesions, any subtype",
            a -> a.lesionCount() <= 5 && a.brainLesions() <= 3),
    STEREO_SEIN("STEREO-SEIN", "NCT02089100", "de novo (synchronous) HR-positive, no brain lesions",
            a -> a.estroEortcState() == EstroEortcState.SYNCHRONOUS && a.hormoneReceptorPositive()
                    && a.brainLesions() == 0),
    CLEAR("CLEAR", "NCT03750396", "ER-positive/HER2-negative, 1-2 lesions in one organ, no brain lesions",
            a -> a.erPositive() && a.her2Negative() && a.lesionCount() <= 2 && a.organCount() == 1
                    && a.brainLesions() == 0),
    SABR_COMET_3("SABR-COMET-3", "NCT03862911", "1-3 lesions, controlled primary",
            a -> a.lesionCount() <= 3),
    SABR_COMET_10("SABR-COMET-10", "NCT03721341", "4-10 lesions, controlled primary",
            a -> a.lesionCount() >= 4 && a.lesionCount() <= 10),
    STEREO_OS("STEREO-OS", "NCT03143322", "1-3 bone-only lesions, first line",
            a -> a.lesionCount() <= 3 && a.boneOnly());

    private final String name;
    private final String nct;
    private final String criteria;
    private final Predicate<TrialFacts> matches;

    Trial(String name, String nct, String criteria, Predicate<TrialFacts> matches) {
        this.name = name;
        this.nct = nct;
        this.criteria = criteria;
        this.matches = matches;
    }

    public String displayName() {
        return name;
    }

    public String nct() {
        return nct;
    }

    public String criteria() {
        return criteria;
    }

    public String url() {
        return "https://clinicaltrials.gov/study/" + nct;
    }

    boolean matches(TrialFacts facts) {
        return matches.test(facts);
    }

    /** The facts the headline criteria read; only built when the lesion count is known. */
    record TrialFacts(int lesionCount, int organCount, int brainLesions, boolean boneOnly,
                      EstroEortcState estroEortcState, boolean hormoneReceptorPositive, boolean erPositive,
                      boolean her2Negative) {
    }
}
