package org.ombc.cds.chart.fetch;

/**
 * The data the service reads, one prefetch key each. Required keys cannot be done without (412 when they cannot
 * be had); optional ones are evaluated without, and the data-quality card says what could not be read.
 */
public enum PrefetchKey {
    PATIENT("patient", "Patient", true),
    CONDITIONS("conditions", "Condition", true),
    OBSERVATIONS("observations", "Observation", true),
    MEDICATION_REQUESTS("medicationRequests", "MedicationRequest", false),
    MEDICATION_STATEMENTS("medicationStatements", "MedicationStatement", false),
    PROCEDURES("procedures", "Procedure", false),
    DIAGNOSTIC_REPORTS("diagnosticReports", "DiagnosticReport", false);

    private final String key;
    private final String resourceType;
    private final boolean required;

    PrefetchKey(String key, String resourceType, boolean required) {
        this.key = key;
        this.resourceType = resourceType;
        this.required = required;
    }

    public String key() {
        return key;
    }

    public String resourceType() {
        return resourceType;
    }

    public boolean isRequired() {
        return required;
    }
}
