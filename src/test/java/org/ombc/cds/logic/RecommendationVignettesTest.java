package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.sandbox.PatientBundle.code;
import static org.ombc.cds.sandbox.PatientBundle.icd;
import static org.ombc.cds.sandbox.PatientBundle.sct;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.ombc.cds.sandbox.PatientBundle;
import org.ombc.cds.support.Vignettes;

/** Each recommendation of clinical-rules 6, and the case next to it where it must not appear. */
class RecommendationVignettesTest {

    private static final CodeableConcept BONE = sct("94222008");
    private static final CodeableConcept LIVER = sct("94381002");
    private static final CodeableConcept LUNG = sct("94391008");
    private static final CodeableConcept BRAIN = sct("94225005");

    /** Luminal primary 2016, relapse 2021 with imaging: metachronous oligorecurrence once lesions are added. */
    private static PatientBundle relapse(String id) {
        return PatientBundle.patient(id).primary("2016-01-01").luminal("2016-01-10").imaging("2021-03-01");
    }

    @Test
    void twoBoneLesionsGetTumourBoardSabrAndTrialButNoSurgery() {
        var a = Vignettes.json(relapse("two-bone").boneLesions(2, "2021-03-01"));
        assertThat(a.oligometastatic()).isEqualTo("yes");
        assertThat(a.recommendations()).containsExactly("clinical-trial", "mdt-discussion", "sabr");
    }

    @Test
    void liverLesionsQualifyForSurgery() {
        var a = Vignettes.json(relapse("liver").metastasis("l1", LIVER, "2021-03-01").metastasis("l2", LIVER, "2021-03-01"));
        assertThat(a.recommendations()).contains("metastasis-surgery", "sabr");
        assertThat(a.recommendations()).doesNotContain("liver-rfa");
    }

    @Test
    void aSolitaryLungLesionQualifiesForSurgeryAndShortDfiIsFlagged() {
        var a = Vignettes.assess(PatientBundle.patient("lung").primary("2019-01-01").tripleNegative("2019-01-05")
                .metastasis("lung-1", LUNG, "2021-01-01").imaging("2021-01-01"));
        assertThat(a.recommends(Recommendation.METASTASIS_SURGERY)).isTrue();
        assertThat(a.findingFor(Recommendation.METASTASIS_SURGERY).facts())
                .contains("solitary lung lesion", "negative factor: hormone receptor negative")
                .anyMatch(f -> f.startsWith("negative factor: disease-free interval 24 months"));
    }

    @Test
    void twoLungLesionsDoNotQualifyForSurgery() {
        var a = Vignettes.json(relapse("two-lung").metastasis("lu1", LUNG, "2021-03-01").metastasis("lu2", LUNG, "2021-03-01"));
        assertThat(a.recommendations()).doesNotContain("metastasis-surgery").contains("sabr");
    }

    @Test
    void aSolitaryBrainLesionQualifiesForSurgeryAndRadiosurgeryButNotSabr() {
        var a = Vignettes.json(relapse("brain").metastasis("b1", BRAIN, "2021-03-01"));
        assertThat(a.recommendations()).contains("metastasis-surgery", "brain-radiosurgery").doesNotContain("sabr");
    }

    @Test
    void aSolitaryBoneLesionQualifiesForSurgery() {
        var a = Vignettes.assess(relapse("one-bone").metastasis("b1", BONE, "2021-03-01"));
        assertThat(a.findingFor(Recommendation.METASTASIS_SURGERY).facts())
                .containsExactly("solitary bone lesion, the only metastasis");
        assertThat(a.favorableFactors()).contains(Factor.SOLITARY_METASTASIS);
    }

    @Test
    void aBoneLesionBesideALiverLesionIsNotSolitaryBoneDisease() {
        var a = Vignettes.assess(relapse("bone-liver").metastasis("b1", BONE, "2021-03-01").metastasis("l1", LIVER, "2021-03-01"));
        assertThat(a.findingFor(Recommendation.METASTASIS_SURGERY).facts()).noneMatch(f -> f.contains("bone"));
    }

    @Test
    void aSmallSingleErPositiveLiverLesionQualifiesForRfa() {
        var a = Vignettes.json(relapse("rfa").metastasis("l1", LIVER, "2021-03-01").lesionSize("l1", 2.2, "cm"));
        assertThat(a.recommendations()).contains("liver-rfa", "metastasis-surgery");
    }

    @Test
    void aLiverLesionOfThreeCentimetresOrMoreDoesNotQualifyForRfa() {
        var a = Vignettes.json(relapse("rfa-big").metastasis("l1", LIVER, "2021-03-01").lesionSize("l1", 30, "mm"));
        assertThat(a.recommendations()).doesNotContain("liver-rfa");
    }

    @Test
    void anErNegativeOrUnmeasuredLiverLesionDoesNotQualifyForRfa() {
        var erNegative = Vignettes.json(PatientBundle.patient("rfa-er-neg").primary("2016-01-01")
                .tripleNegative("2016-01-10").imaging("2021-03-01")
                .metastasis("l1", LIVER, "2021-03-01").lesionSize("l1", 12, "mm"));
        var unmeasured = Vignettes.json(relapse("rfa-no-size").metastasis("l1", LIVER, "2021-03-01"));
        assertThat(erNegative.recommendations()).doesNotContain("liver-rfa");
        assertThat(unmeasured.recommendations()).doesNotContain("liver-rfa");
    }

    @Test
    void brainLesionsInAPolymetastaticPatientGetNoRadiosurgery() {
        var a = Vignettes.json(relapse("brain-poly").boneLesions(5, "2021-03-01").metastasis("b1", BRAIN, "2021-03-01"));
        assertThat(a.oligometastatic()).isEqualTo("no");
        assertThat(a.recommendations()).isEmpty();
    }

    @Test
    void sternumOnlyDiseaseIsTreatedAsRegionalWithCurativeIntent() {
        var a = Vignettes.json(relapse("sternum").metastasis("s1", icd("C79.51"), sct("56873002"), "2021-03-01"));
        assertThat(a.recommendations()).contains("regional-curative-treatment");
        assertThat(a.sites()).containsExactly("bone");
    }

    @Test
    void contralateralAxillaryNodesOnlyAreTreatedAsRegional() {
        var a = Vignettes.json(relapse("contra").metastasis("ax", icd("C77.3"), sct("24028007"), "2021-03-01"));
        assertThat(a.sites()).containsExactly("contralateral-axillary-lymph-node");
        assertThat(a.recommendations()).contains("regional-curative-treatment");
    }

    @Test
    void sternalDiseaseWithAVisceralLesionIsNotRegional() {
        var a = Vignettes.json(relapse("sternum-liver").metastasis("s1", icd("C79.51"), sct("56873002"), "2021-03-01")
                .metastasis("l1", LIVER, "2021-03-01"));
        assertThat(a.recommendations()).doesNotContain("regional-curative-treatment");
    }

    @Test
    void deNovoHrPositiveDiseaseWithAnIntactPrimaryQualifiesForPrimarySurgery() {
        var a = Vignettes.json(synchronous("ptx").luminal("2021-01-05"));
        assertThat(a.estroEortcState()).isEqualTo("synchronous");
        assertThat(a.recommendations()).contains("primary-tumor-surgery");
    }

    @Test
    void aResectedPrimaryIsNotOfferedSurgeryAgain() {
        var a = Vignettes.json(synchronous("ptx-resected").luminal("2021-01-05").mastectomy("2021-02-01"));
        assertThat(a.recommendations()).doesNotContain("primary-tumor-surgery");
    }

    @Test
    void tripleNegativeDeNovoDiseaseIsNotOfferedPrimarySurgery() {
        var a = Vignettes.json(synchronous("ptx-tn").tripleNegative("2021-01-05"));
        assertThat(a.recommendations()).doesNotContain("primary-tumor-surgery").contains("sabr");
    }

    @Test
    void boneOnlyDeNovoDiseaseWithUnknownReceptorsIsNotOfferedPrimarySurgery() {
        var a = Vignettes.json(synchronous("ptx-unknown"));
        assertThat(a.subtype()).isEqualTo("unknown");
        assertThat(a.recommendations()).doesNotContain("primary-tumor-surgery");
        assertThat(a.missingData()).containsExactly("er-status", "her2-status", "pr-status");
    }

    @Test
    void metachronousDiseaseIsNotOfferedPrimarySurgery() {
        var a = Vignettes.json(relapse("ptx-meta").boneLesions(1, "2021-03-01"));
        assertThat(a.recommendations()).doesNotContain("primary-tumor-surgery");
    }

    @Test
    void noImagingNearTheMetastasisDateAsksForStaging() {
        var none = Vignettes.json(PatientBundle.patient("stage").primary("2016-01-01").luminal("2016-01-10")
                .boneLesions(2, "2021-03-01"));
        var old = Vignettes.json(PatientBundle.patient("stage-old").primary("2016-01-01").luminal("2016-01-10")
                .imaging("2020-08-01").boneLesions(2, "2021-03-01"));
        assertThat(none.recommendations()).contains("staging-imaging");
        assertThat(old.recommendations()).contains("staging-imaging");
    }

    @Test
    void imagingWithinNinetyDaysOfTheMetastasisDateIsEnough() {
        var a = Vignettes.json(PatientBundle.patient("staged").primary("2016-01-01").luminal("2016-01-10")
                .imaging("2020-12-05").boneLesions(2, "2021-03-01"));
        assertThat(a.recommendations()).doesNotContain("staging-imaging");
    }

    @Test
    void polymetastaticDiseaseStillGetsStagingButNoMetastasisDirectedTherapy() {
        var a = Vignettes.json(PatientBundle.patient("poly-stage").primary("2016-01-01").luminal("2016-01-10")
                .boneLesions(7, "2021-03-01"));
        assertThat(a.oligometastatic()).isEqualTo("no");
        assertThat(a.recommendations()).containsExactly("staging-imaging");
    }

    @Test
    void matchingTrialsAreListedWithTheirNctNumbers() {
        var a = Vignettes.assess(synchronous("trials").luminal("2021-01-05"));
        assertThat(a.trials()).extracting(Trial::nct)
                .contains("NCT04495309", "NCT02089100", "NCT03750396", "NCT03862911", "NCT03143322")
                .doesNotContain("NCT03721341");
    }

    @Test
    void fourToTenLesionsMatchSabrComet10() {
        var a = Vignettes.assess(relapse("comet10").boneLesions(3, "2021-03-01").metastasis("l1", LIVER, "2021-03-01"));
        assertThat(a.trials()).extracting(Trial::displayName).contains("SABR-COMET-10", "OLIGOMA")
                .doesNotContain("SABR-COMET-3", "STEREO-OS", "CLEAR");
    }

    @Test
    void aLesionCountOfUnknownMeaningMakesTheStateIndeterminateWithTumourBoardOnly() {
        var chart = relapse("indeterminate").metastasis("l1", LIVER, "2021-03-01");
        var count = chart.observation(code(PatientBundle.OMBC, "metastatic-lesion-count"), null);
        count.addFocus(new org.hl7.fhir.r4.model.Reference("Condition/l1"));
        count.setValue(new org.hl7.fhir.r4.model.StringType("multiple"));
        var a = Vignettes.json(chart.add(count));
        assertThat(a.oligometastatic()).isEqualTo("indeterminate");
        assertThat(a.lesionCount()).isNull();
        assertThat(a.recommendations()).containsExactly("mdt-discussion");
        assertThat(a.missingData()).contains("lesion-count");
    }

    @Test
    void everyRecommendationCarriesItsRuleFactsAndEvidence() {
        var a = Vignettes.assess(synchronous("basis").luminal("2021-01-05"));
        for (Recommendation r : a.recommendations()) {
            Finding f = a.findingFor(r);
            assertThat(f.rule()).startsWith("clinical-rules 6 `" + r.code() + "`");
            assertThat(f.facts()).isNotEmpty();
            assertThat(f.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.url()).startsWith("https://"));
        }
    }

    /** Primary and two bone lesions within weeks, with PET-CT. */
    private static PatientBundle synchronous(String id) {
        return PatientBundle.patient(id).primary("2021-01-01").imaging("2021-01-20")
                .metastasis("b1", BONE, "2021-01-20").metastasis("b2", new CodeableConcept(
                        new Coding(PatientBundle.ICD10CM, "C79.51", null)), "2021-01-20");
    }
}
