package org.ombc.cds.apps.sandbox;

/**
 * The codes of the public assessment contract (clinical-rules 5-8) as the catalogue's cases write them: plain
 * strings, so a case states the answer the way the assessment JSON gives it, and a renamed code fails a case.
 * Trials are named by their acronym and hold their NCT number (clinical-rules 8).
 */
final class CatalogueCodes {

    static final String MDT = "mdt-discussion";
    static final String SABR = "sabr";
    static final String METASTASIS_SURGERY = "metastasis-surgery";
    static final String LIVER_RFA = "liver-rfa";
    static final String BRAIN_RADIOSURGERY = "brain-radiosurgery";
    static final String REGIONAL = "regional-curative-treatment";
    static final String PRIMARY_SURGERY = "primary-tumor-surgery";
    static final String STAGING = "staging-imaging";
    static final String TRIAL = "clinical-trial";

    static final String SOLITARY = "solitary-metastasis";
    static final String LONG_DFI = "long-disease-free-interval";
    static final String HR_POSITIVE = "hormone-receptor-positive";
    static final String HER2_POSITIVE = "her2-positive";
    static final String NODES_AT_DIAGNOSIS = "axillary-nodes-at-diagnosis";

    static final String SABR_COMET_3 = "NCT03862911";
    static final String SABR_COMET_10 = "NCT03721341";
    static final String CORE = "NCT02759783";
    static final String STEREO_OS = "NCT03143322";
    static final String PROMISE_005 = "NCT03808337";
    static final String OLIGOMA = "NCT04495309";
    static final String STEREO_SEIN = "NCT02089100";
    static final String CLEAR = "NCT03750396";
    static final String OLIGO = "NCT01646034";

    private CatalogueCodes() {}
}
