package org.ombc.cds.logic;

/** What the record lacks for a confident assessment, and what to record (clinical-rules 7 and 8). */
public enum MissingData {
    ER_STATUS("er-status", "ER status (LOINC 16112-5 with a positive or negative value)"),
    PR_STATUS("pr-status", "PR status (LOINC 16113-3 with a positive or negative value)"),
    HER2_STATUS("her2-status", "HER2 status (LOINC 48676-1; IHC 2+ needs an ISH result)"),
    PRIMARY_DIAGNOSIS_DATE(
            "primary-diagnosis-date",
            "onset date of the primary breast cancer Condition, to the day (a year or month "
                    + "leaves a threshold undecided)"),
    METASTASIS_DIAGNOSIS_DATE(
            "metastasis-diagnosis-date",
            "onset date of every current metastasis Condition, to the day (a year or month "
                    + "leaves a threshold undecided)"),
    LESION_COUNT("lesion-count", "number of lesions (metastatic-lesion-count Observation, valueInteger)"),
    AXILLARY_NODE_LATERALITY("axillary-node-laterality", "side of the axillary node metastasis and of the primary"),
    DISEASE_STATUS(
            "disease-status",
            "disease status on imaging (LOINC 97509-4, progressing or not) dated from "
                    + Thresholds.PROGRESSION_LOOKBACK_DAYS
                    + " days before the OMD date on: repeat or induced disease on "
                    + "therapy is progression or persistence by it");

    private final String code;
    private final String whatToRecord;

    MissingData(String code, String whatToRecord) {
        this.code = code;
        this.whatToRecord = whatToRecord;
    }

    public String code() {
        return code;
    }

    public String whatToRecord() {
        return whatToRecord;
    }
}
