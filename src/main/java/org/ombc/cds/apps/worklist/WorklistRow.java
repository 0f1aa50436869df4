package org.ombc.cds.apps.worklist;

import org.ombc.cds.cards.AssessmentJson;

/**
 * One patient of the worklist: the assessment exactly as {@code POST /ombc/assessment} answers it for her chart,
 * and how many data-quality problems her chart has (what the card would name; not their text).
 */
public record WorklistRow(String patientId, AssessmentJson assessment, int dataProblems) {

    /** Oligometastatic "yes": the patients a tumour board or a trial team looks at first. */
    public boolean candidate() {
        return "yes".equals(assessment.oligometastatic());
    }
}
