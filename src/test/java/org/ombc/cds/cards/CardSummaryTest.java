package org.ombc.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.support.Vignettes;

/**
 * The summary line when an axillary node of unknown side leaves the count a range (clinical-rules 2 and 7): the
 * clinician reads the range and what to record, not "lesion count unknown".
 */
class CardSummaryTest {

    private static PatientBundle relapse(String id, int boneLesions) {
        return PatientBundle.patient(id)
                .primary("2016-01-01")
                .luminal("2016-01-05")
                .imaging("2021-03-01")
                .boneLesions(boneLesions, "2021-03-01")
                .metastasis("ax", sct("128462008"), sct("68171009"), "2021-03-01");
    }

    @Test
    void fiveLesionsAndANodeOfUnknownSideReadAsARangeWithTheSideToRecord() {
        assertThat(CardSummary.of(Vignettes.assess(relapse("sum-five", 5))))
                .isEqualTo(
                        "Metastatic breast cancer, "
                                + "5 to 6 lesions (axillary node of unknown side): record the side and discuss at tumour board.");
    }

    @Test
    void oneBoneLesionAndANodeOfUnknownSideStayOligometastatic() {
        assertThat(CardSummary.of(Vignettes.assess(relapse("sum-one", 1))))
                .startsWith("Oligometastatic breast cancer (1 lesion, metachronous");
    }
}
