package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.support.Vignettes;

/**
 * The ESTRO-EORTC timing rules of clinical-rules 4 beyond the catalogue (which holds one case of each of the nine
 * states, VignetteCatalogue): a metastasis before the primary, repeat disease without a status, the OMD date of
 * induced disease, a recorded date standing in for an onset.
 */
class EstroEortcStateVignettesTest {

    @Test
    void metastasisFoundBeforeThePrimaryWithinSixMonthsIsSynchronousAndDfiIsNeverNegative() {
        var a = Vignettes.json(PatientBundle.patient("sync-before")
                .primary("2020-03-01")
                .luminal("2020-03-01")
                .metastasis("m1", sct("94381002"), "2020-02-01"));
        assertThat(a.estroEortcState()).isEqualTo("synchronous");
        assertThat(a.diseaseFreeIntervalMonths()).isZero();
    }

    @Test
    void repeatOnTherapyWithoutDiseaseStatusIsUndetermined() {
        var a = Vignettes.assess(repeat("rep-unknown").endocrineTherapy("2017-02-01", null));
        assertThat(a.estroEortcState()).isNull();
        assertThat(Objects.requireNonNull(a.findings().get("estro-eortc-state")).facts())
                .anyMatch(f -> f.contains("no readable disease status (LOINC 97509-4)"));
        assertThat(a.missingData()).containsExactly(MissingData.DISEASE_STATUS);
        assertThat(a.recommendations()).contains(Recommendation.MDT_DISCUSSION, Recommendation.SABR);
    }

    @Test
    void shrinkingFromPolymetastaticOffTherapyIsInducedOligorecurrence() {
        var a = Vignettes.assess(induced("ind-rec").endocrineTherapy("2019-01-15", "2019-08-01"));
        assertThat(a.estroEortcState()).isEqualTo(EstroEortcState.INDUCED_OLIGORECURRENCE);
        assertThat(a.burden().omdDate()).hasToString("2019-09-01");
        assertThat(a.lesionCount()).isEqualTo(2);
    }

    @Test
    void inducedDiseaseIsFlaggedAsThePoorestChanceOfCure() {
        var a = Vignettes.assess(
                induced("ind-flag").endocrineTherapy("2019-01-15", null).progression(false, "2020-02-01"));
        assertThat(Objects.requireNonNull(a.estroEortcState()).isInduced()).isTrue();
    }

    @Test
    void recordedDateStandsInForAMissingOnset() {
        var chart = PatientBundle.patient("recorded").luminal("2018-01-01").imaging("2022-06-01");
        var primary = chart.condition("primary", sct("254837009"), null, "active");
        primary.setRecordedDateElement(new org.hl7.fhir.r4.model.DateTimeType("2018-01-01"));
        chart.add(primary).metastasis("m1", sct("94222008"), "2022-06-01");
        var a = Vignettes.json(chart);
        assertThat(a.estroEortcState()).isEqualTo("metachronous-oligorecurrence");
        assertThat(a.missingData()).doesNotContain("primary-diagnosis-date");
    }

    /** Lung lesion 2017, resected; liver lesion 2021. */
    static PatientBundle repeat(String id) {
        return PatientBundle.patient(id)
                .primary("2015-01-01")
                .luminal("2015-01-05")
                .pastMetastasis("old-lung", sct("94391008"), "2017-01-01", "2017-06-01")
                .metastasis("liver", sct("94381002"), "2021-01-01")
                .imaging("2021-01-02");
    }

    /** Eight bone lesions in January 2019; six resolved by September 2019 under therapy. */
    static PatientBundle induced(String id) {
        PatientBundle chart = PatientBundle.patient(id)
                .primary("2016-01-01")
                .luminal("2016-01-05")
                .imaging("2019-09-01");
        for (int i = 0; i < 6; i++) {
            chart.pastMetastasis("gone-" + i, sct("94222008"), "2019-01-01", "2019-09-01");
        }
        return chart.metastasis("left-1", sct("94222008"), "2019-01-01")
                .metastasis("left-2", sct("94222008"), "2019-01-01");
    }
}
