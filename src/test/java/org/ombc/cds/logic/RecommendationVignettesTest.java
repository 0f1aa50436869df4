package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.icd;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.support.Vignettes;

/**
 * Recommendations of clinical-rules 6 beyond the catalogue's cases (VignetteCatalogue): the facts each finding
 * shows, the edges of one rule (a 3 cm liver lesion, sternum beside a viscus) and the case next to each.
 */
class RecommendationVignettesTest {

    private static final CodeableConcept BONE = sct("94222008");
    private static final CodeableConcept LIVER = sct("94381002");
    private static final CodeableConcept LUNG = sct("94391008");
    private static final CodeableConcept BRAIN = sct("94225005");

    /** Luminal primary 2016, relapse 2021 with imaging: metachronous oligorecurrence once lesions are added. */
    private static PatientBundle relapse(String id) {
        return PatientBundle.patient(id)
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .imaging("2021-03-01");
    }

    @Test
    void twoBoneLesionsGetTumourBoardSabrAndTrialButNoSurgery() {
        var a = Vignettes.json(relapse("two-bone").boneLesions(2, "2021-03-01"));
        assertThat(a.oligometastatic()).isEqualTo("yes");
        assertThat(a.recommendations()).containsExactly("clinical-trial", "mdt-discussion", "sabr");
    }

    @Test
    void liverLesionsQualifyForSurgery() {
        var a = Vignettes.json(
                relapse("liver").metastasis("l1", LIVER, "2021-03-01").metastasis("l2", LIVER, "2021-03-01"));
        assertThat(a.recommendations()).contains("metastasis-surgery", "sabr");
        assertThat(a.recommendations()).doesNotContain("liver-rfa");
    }

    @Test
    void aSolitaryLungLesionQualifiesForSurgeryAndShortDfiIsFlagged() {
        var a = Vignettes.assess(PatientBundle.patient("lung")
                .primary("2019-01-01")
                .tripleNegative("2019-01-05")
                .metastasis("lung-1", LUNG, "2021-01-01")
                .imaging("2021-01-01"));
        assertThat(a.recommends(Recommendation.METASTASIS_SURGERY)).isTrue();
        assertThat(a.findingFor(Recommendation.METASTASIS_SURGERY).facts())
                .contains("solitary lung lesion", "negative factor: hormone receptor negative")
                .anyMatch(f -> f.startsWith("negative factor: disease-free interval 24 months"));
    }

    @Test
    void twoLungLesionsDoNotQualifyForSurgery() {
        var a = Vignettes.json(
                relapse("two-lung").metastasis("lu1", LUNG, "2021-03-01").metastasis("lu2", LUNG, "2021-03-01"));
        assertThat(a.recommendations()).doesNotContain("metastasis-surgery").contains("sabr");
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
        var a = Vignettes.assess(
                relapse("bone-liver").metastasis("b1", BONE, "2021-03-01").metastasis("l1", LIVER, "2021-03-01"));
        assertThat(a.findingFor(Recommendation.METASTASIS_SURGERY).facts()).noneMatch(f -> f.contains("bone"));
    }

    @Test
    void aLiverLesionOfThreeCentimetresOrMoreDoesNotQualifyForRfa() {
        var a = Vignettes.json(
                relapse("rfa-big").metastasis("l1", LIVER, "2021-03-01").lesionSize("l1", 30, "mm"));
        assertThat(a.recommendations()).doesNotContain("liver-rfa");
    }

    @Test
    void brainLesionsInAPolymetastaticPatientGetNoRadiosurgery() {
        var a = Vignettes.json(
                relapse("brain-poly").boneLesions(5, "2021-03-01").metastasis("b1", BRAIN, "2021-03-01"));
        assertThat(a.oligometastatic()).isEqualTo("no");
        assertThat(a.recommendations()).isEmpty();
    }

    @Test
    void contralateralAxillaryNodesOnlyAreTreatedAsRegional() {
        var a = Vignettes.json(relapse("contra").metastasis("ax", icd("C77.3"), sct("24028007"), "2021-03-01"));
        assertThat(a.sites()).containsExactly("contralateral-axillary-lymph-node");
        assertThat(a.recommendations()).contains("regional-curative-treatment");
    }

    @Test
    void sternalDiseaseWithAVisceralLesionIsNotRegional() {
        var a = Vignettes.json(relapse("sternum-liver")
                .metastasis("s1", icd("C79.51"), sct("56873002"), "2021-03-01")
                .metastasis("l1", LIVER, "2021-03-01"));
        assertThat(a.recommendations()).doesNotContain("regional-curative-treatment");
    }

    @Test
    void boneOnlyDeNovoDiseaseWithUnknownReceptorsIsNotOfferedPrimarySurgery() {
        var a = Vignettes.json(synchronous("ptx-unknown"));
        assertThat(a.subtype()).isEqualTo("unknown");
        assertThat(a.recommendations()).doesNotContain("primary-tumor-surgery");
        assertThat(a.missingData()).containsExactly("er-status", "her2-status", "pr-status");
    }

    @Test
    void polymetastaticDiseaseStillGetsStagingButNoMetastasisDirectedTherapy() {
        var a = Vignettes.json(PatientBundle.patient("poly-stage")
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .boneLesions(7, "2021-03-01"));
        assertThat(a.oligometastatic()).isEqualTo("no");
        assertThat(a.recommendations()).containsExactly("staging-imaging");
    }

    @Test
    void everyRecommendationCarriesItsRuleFactsAndEvidence() {
        var a = Vignettes.assess(synchronous("basis").luminal("2021-01-05"));
        for (Recommendation r : a.recommendations()) {
            Finding f = a.findingFor(r);
            assertThat(f.rule()).startsWith("clinical-rules 6 `" + r.code() + "`");
            assertThat(f.facts()).isNotEmpty();
            assertThat(f.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.url())
                    .startsWith("https://"));
        }
    }

    /** Primary and two bone lesions within weeks, with PET-CT. */
    private static PatientBundle synchronous(String id) {
        return PatientBundle.patient(id)
                .primary("2021-01-01")
                .imaging("2021-01-20")
                .metastasis("b1", BONE, "2021-01-20")
                .metastasis("b2", new CodeableConcept(new Coding(PatientBundle.ICD10CM, "C79.51", null)), "2021-01-20");
    }
}
