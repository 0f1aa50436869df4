package org.ombc.cds.logic;

/** Where the rules the service implements are published, in the project's own words. */
public final class ClinicalRules {

    /**
     * The rules document in this repository, generated from the code (recommendations, thresholds, trials) and the
     * decisions of {@code docs/clinical-decisions.md}; {@code ClinicalRulesDocumentTest} fails when it and the code
     * disagree.
     */
    public static final String DOCUMENT = "docs/clinical-rules.md";

    private ClinicalRules() {}
}
