package org.ombc.cds.cards;

import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.Recommendation;

/** The one line a clinician reads first on the main card (CDS Hooks: a summary under 140 characters). */
final class CardSummary {

    static final int SUMMARY_LIMIT = 140;

    private CardSummary() {}

    /**
     * The state and the next step, under 140 characters, different for each state a clinician acts on
     * differently: induced disease (the poorest chance of cure, Guckenberger 2020) is not sold as curable.
     */
    static String of(Assessment a) {
        String text;
        int n = a.lesionCount() == null ? 0 : a.lesionCount();
        String lesions = n + (n == 1 ? " lesion" : " lesions");
        EstroEortcState state = a.estroEortcState();
        if (a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT)) {
            text = (CardKnowledge.allSternal(a) ? "Sternal-only" : "Contralateral axillary node-only")
                    + " breast cancer spread: treat as regional disease with curative intent; discuss at tumour board.";
        } else if (a.oligometastatic() == OligometastaticState.YES && state != null && state.isInduced()) {
            text = "Induced oligometastatic disease (" + lesions
                    + ", earlier polymetastatic): low chance of cure; tumour board may weigh local therapy.";
        } else if (a.oligometastatic() == OligometastaticState.YES && state == EstroEortcState.SYNCHRONOUS) {
            text = "De novo oligometastatic breast cancer (" + lesions + "): discuss curative-intent local therapy "
                    + "at tumour board.";
        } else if (a.oligometastatic() == OligometastaticState.YES
                && state != null
                && state.name().endsWith("PROGRESSION")) {
            String label = state.label();
            text = Character.toUpperCase(label.charAt(0)) + label.substring(1) + " on systemic therapy (" + lesions
                    + "): discuss local therapy of progressing lesions at tumour board.";
        } else if (a.oligometastatic() == OligometastaticState.YES) {
            String label = state == null ? "" : ", " + state.label();
            text = "Oligometastatic breast cancer (" + lesions + label
                    + "): discuss curative-intent local therapy at tumour board.";
        } else if (a.oligometastatic() == OligometastaticState.INDETERMINATE && a.lesionCount() != null) {
            text = "Metastatic breast cancer, " + CardKnowledge.lesionRange(a) + " lesions (axillary node of unknown "
                    + "side): record the side and discuss at tumour board.";
        } else if (a.oligometastatic() == OligometastaticState.INDETERMINATE) {
            text = "Metastatic breast cancer, lesion count unknown: record it and discuss oligometastatic options "
                    + "at tumour board.";
        } else {
            text = "Polymetastatic breast cancer (" + lesions + "): not oligometastatic, no metastasis-directed "
                    + "therapy suggested.";
        }
        if (a.recommends(Recommendation.STAGING_IMAGING) && text.length() + 26 < SUMMARY_LIMIT) {
            text += " Stage with PET-CT/WB-MRI.";
        }
        return text.length() < SUMMARY_LIMIT ? text : shortened(text);
    }

    /** Cut at the last word that fits, never inside one: a clipped word can be misread. */
    private static String shortened(String text) {
        int end = text.lastIndexOf(' ', SUMMARY_LIMIT - 2);
        return text.substring(0, end > 0 ? end : SUMMARY_LIMIT - 2) + "…";
    }
}
