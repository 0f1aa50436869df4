package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.support.Vignettes;

/**
 * An axillary node of unknown side may be regional or a distant lesion, so the current distant lesion count is a
 * range: [counted, counted + the node]. A decision that depends on the count or the sites is made only when it comes
 * out the same at both ends (clinical-rules 2, 3 and 7); decisions that do not depend on the node stay as they were.
 * Trial criteria are the exception clinical-rules 10 sets: the node is never counted, never a site, never an organ.
 * Each chart: a left luminal primary of 2016 in remission (controlled), relapse in March 2021 with staging imaging.
 */
class UnknownSideAxillaryNodeVignettesTest {

    private static final String SABR_COMET_3 = "NCT03862911";
    private static final String SABR_COMET_10 = "NCT03721341";
    private static final String CORE = "NCT02759783";
    private static final String PROMISE_005 = "NCT03808337";
    private static final String OLIGOMA = "NCT04495309";
    private static final String STEREO_SEIN = "NCT02089100";
    private static final String OLIGO = "NCT01646034";
    private static final String STEREO_OS = "NCT03143322";
    private static final String CLEAR = "NCT03750396";

    private static PatientBundle relapse(String id, String primaryOnset) {
        return PatientBundle.patient(id)
                .primary(primaryOnset)
                .luminal(primaryOnset)
                .imaging("2021-03-01");
    }

    /** An axillary node metastasis with no laterality: the primary is left, the node's side unknown. */
    private static PatientBundle withUnknownSideNode(PatientBundle chart) {
        return chart.metastasis(chart.patientId() + "-ax", sct("128462008"), sct("68171009"), "2021-03-01");
    }

    @Test
    void fiveCountedLesionsAndANodeOfUnknownSideAreIndeterminate() {
        var chart = withUnknownSideNode(relapse("ax-five", "2016-01-01")
                .metastasis("ax-five-bone", sct("94222008"), "2021-03-01")
                .lesionCount("ax-five-bone", 5));
        AssessmentJson a = Vignettes.json(chart);
        assertThat(a.lesionCount()).isEqualTo(5);
        assertThat(a.oligometastatic()).as("5 or 6 lesions").isEqualTo("indeterminate");
        assertThat(a.estroEortcState()).isNull();
        assertThat(a.recommendations()).containsExactly("mdt-discussion");
        assertThat(a.favorableFactors())
                .containsExactlyInAnyOrder("hormone-receptor-positive", "long-disease-free-interval");
        assertThat(a.missingData()).containsExactly("axillary-node-laterality");
        // Trials read the 5 counted lesions: SABR-COMET-10 (4-10), PROMISE-005 and OLIGOMA (1-5).
        assertThat(a.trials())
                .as("the node is not counted for trials (clinical-rules 10)")
                .containsExactly(SABR_COMET_10, PROMISE_005, OLIGOMA);
    }

    @Test
    void aBoneLesionBesideANodeOfUnknownSideIsNotSolitary() {
        Assessment assessment = Vignettes.assess(withUnknownSideNode(
                relapse("ax-bone", "2016-01-01").metastasis("ax-bone-1", sct("94222008"), "2021-03-01")));
        AssessmentJson a = AssessmentJson.of(assessment);
        assertThat(a.lesionCount()).isEqualTo(1);
        assertThat(a.oligometastatic()).as("1 or 2 lesions").isEqualTo("yes");
        assertThat(a.estroEortcState()).isEqualTo("metachronous-oligorecurrence");
        assertThat(a.recommendations())
                .as("no solitary-bone surgery")
                .containsExactlyInAnyOrder("mdt-discussion", "sabr", "clinical-trial");
        assertThat(a.favorableFactors())
                .as("no solitary-metastasis")
                .containsExactlyInAnyOrder("hormone-receptor-positive", "long-disease-free-interval");
        assertThat(a.missingData()).containsExactly("axillary-node-laterality");
        // STEREO-OS (bone only) and CLEAR (one organ): the node is no site for trial criteria (clinical-rules 10).
        assertThat(a.trials())
                .containsExactlyInAnyOrder(SABR_COMET_3, CORE, PROMISE_005, OLIGOMA, OLIGO, STEREO_OS, CLEAR);
        assertThat(assessment.findings())
                .extractingByKey("oligometastatic")
                .extracting(Finding::facts)
                .asInstanceOf(InstanceOfAssertFactories.list(String.class))
                .containsExactly(
                        "current distant lesions: 1",
                        "2 if the axillary node(s) of unknown side are contralateral (distant)");
    }

    @Test
    void aSolitaryLungLesionBesideANodeOfUnknownSideStillShowsLungSurgery() {
        Assessment assessment = Vignettes.assess(withUnknownSideNode(
                relapse("ax-lung", "2016-01-01").metastasis("ax-lung-1", sct("94391008"), "2021-03-01")));
        AssessmentJson a = AssessmentJson.of(assessment);
        assertThat(a.oligometastatic()).isEqualTo("yes");
        assertThat(a.recommendations())
                .containsExactlyInAnyOrder("mdt-discussion", "sabr", "metastasis-surgery", "clinical-trial");
        assertThat(assessment.findingFor(Recommendation.METASTASIS_SURGERY).facts())
                .containsExactly("solitary lung lesion");
        assertThat(a.favorableFactors()).doesNotContain("solitary-metastasis");
        assertThat(a.missingData()).containsExactly("axillary-node-laterality");
        assertThat(a.trials()).containsExactlyInAnyOrder(SABR_COMET_3, CORE, PROMISE_005, OLIGOMA, OLIGO, CLEAR);
    }

    @Test
    void sixCountedLesionsAndANodeOfUnknownSideAreNotOligometastatic() {
        var chart = withUnknownSideNode(relapse("ax-six", "2016-01-01")
                .metastasis("ax-six-bone", sct("94222008"), "2021-03-01")
                .lesionCount("ax-six-bone", 6));
        AssessmentJson a = Vignettes.json(chart);
        assertThat(a.lesionCount()).isEqualTo(6);
        assertThat(a.oligometastatic()).as("6 or 7 lesions").isEqualTo("no");
        assertThat(a.recommendations()).isEmpty();
        assertThat(a.missingData()).containsExactly("axillary-node-laterality");
        assertThat(a.trials()).as("within a trial only").containsExactly(SABR_COMET_10);
    }

    @Test
    void synchronousBoneDiseaseBesideANodeOfUnknownSideIsBoneOnlyForTrials() {
        Assessment assessment = Vignettes.assess(withUnknownSideNode(
                relapse("ax-sync", "2020-12-01").metastasis("ax-sync-bone", sct("94222008"), "2021-03-01")));
        AssessmentJson a = AssessmentJson.of(assessment);
        assertThat(a.estroEortcState()).isEqualTo("synchronous");
        assertThat(a.recommendations())
                .as("still given: HR-positive")
                .contains("primary-tumor-surgery")
                .doesNotContain("metastasis-surgery");
        assertThat(assessment.findingFor(Recommendation.PRIMARY_TUMOR_SURGERY).facts())
                .doesNotContain("bone-only disease")
                .contains("hormone receptor positive");
        assertThat(a.trials())
                .as("the node is no site: bone only (STEREO-OS), one organ (CLEAR)")
                .containsExactlyInAnyOrder(
                        SABR_COMET_3, CORE, PROMISE_005, OLIGOMA, OLIGO, STEREO_SEIN, STEREO_OS, CLEAR);
    }

    @Test
    void aNodeOfUnknownSideAndUnknownNumberLeavesTheUpperEndOpenButNotTheTrials() {
        var chart = withUnknownSideNode(
                relapse("ax-many", "2016-01-01").metastasis("ax-many-bone", sct("94222008"), "2021-03-01"));
        Observation count = chart.observation(code(PatientBundle.OMBC, "metastatic-lesion-count"), "2021-03-01");
        count.addFocus(new Reference("Condition/ax-many-ax")).setValue(new StringType("multiple"));
        AssessmentJson a = Vignettes.json(chart.add(count));
        assertThat(a.lesionCount()).isEqualTo(1);
        assertThat(a.oligometastatic()).as("1 or more lesions").isEqualTo("indeterminate");
        assertThat(a.recommendations()).containsExactly("mdt-discussion");
        assertThat(a.favorableFactors()).doesNotContain("solitary-metastasis");
        assertThat(a.trials())
                .as("trials read the counted bone lesion alone (clinical-rules 10)")
                .containsExactlyInAnyOrder(SABR_COMET_3, CORE, PROMISE_005, OLIGOMA, OLIGO, STEREO_OS, CLEAR);
    }
}
