package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;
import static org.ombc.cds.apps.sandbox.PatientBundle.icd;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.support.Vignettes;

/**
 * Missing, contradictory and oddly coded data (clinical-rules 1, 2 and 7): every coding the rules list counts, and
 * what the record lacks is named instead of guessed.
 */
class DataVariantVignettesTest {

    private static PatientBundle luminalRelapse(String id) {
        return PatientBundle.patient(id)
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .imaging("2021-03-01");
    }

    // -- missing data ------------------------------------------------------------------------------------------

    @Test
    void anEquivocalHer2ResultIsUnknown() {
        var chart = PatientBundle.patient("her2-equivocal")
                .primary("2016-01-01")
                .er(true, "2016-01-10")
                .pr(true, "2016-01-10")
                .imaging("2021-03-01")
                .boneLesions(1, "2021-03-01");
        Observation her2 = chart.observation(code(PatientBundle.LOINC, "48676-1"), "2016-01-10");
        her2.setValue(new CodeableConcept().setText("Equivocal (2+), ISH pending"));
        var a = Vignettes.json(chart.add(her2));
        assertThat(a.subtype()).isEqualTo("unknown");
        assertThat(a.missingData()).containsExactly("her2-status");
        assertThat(a.favorableFactors()).contains("hormone-receptor-positive");
    }

    @Test
    void aMetastasisWithoutADateIsNamedAndLeavesTheStateUndetermined() {
        var a = Vignettes.json(luminalRelapse("undated").metastasis("m1", sct("94222008"), null));
        assertThat(a.missingData()).containsExactly("metastasis-diagnosis-date");
        assertThat(a.estroEortcState()).isNull();
        assertThat(a.diseaseFreeIntervalMonths()).isNull();
        assertThat(a.oligometastatic()).isEqualTo("yes");
    }

    @Test
    void anAxillaryNodeOfUnknownSideIsNotCountedAndIsNamed() {
        var a = Vignettes.json(luminalRelapse("axilla-unknown")
                .boneLesions(1, "2021-03-01")
                .metastasis("ax", icd("C77.3"), "2021-03-01"));
        assertThat(a.lesionCount()).isEqualTo(1);
        assertThat(a.missingData()).containsExactly("axillary-node-laterality");
    }

    @Test
    void anAxillaryNodeAloneOfUnknownSideLeavesTheStateIndeterminate() {
        var a = Vignettes.json(PatientBundle.patient("axilla-only")
                .primary("2016-01-01", null)
                .luminal("2016-01-10")
                .metastasis("ax", sct("128462008"), sct("68171009"), "2021-03-01"));
        assertThat(a.metastatic()).isTrue();
        assertThat(a.lesionCount()).isNull();
        assertThat(a.oligometastatic()).isEqualTo("indeterminate");
        assertThat(a.missingData()).containsExactly("axillary-node-laterality");
        assertThat(a.recommendations()).doesNotContain("regional-curative-treatment", "sabr");
    }

    // -- lesions -----------------------------------------------------------------------------------------------

    @Test
    void aLesionCountObservationMultipliesItsCondition() {
        var a = Vignettes.json(luminalRelapse("count")
                .metastasis("m1", sct("94222008"), "2021-03-01")
                .lesionCount("m1", 4));
        assertThat(a.lesionCount()).isEqualTo(4);
        assertThat(a.organCount()).isEqualTo(1);
    }

    @Test
    void theLatestLesionCountWins() {
        var chart = luminalRelapse("count-latest").metastasis("m1", sct("94222008"), "2021-03-01");
        Observation early = chart.observation(code(PatientBundle.OMBC, "metastatic-lesion-count"), "2021-03-01");
        early.addFocus(new Reference("Condition/m1")).setValue(new org.hl7.fhir.r4.model.IntegerType(9));
        Observation late = chart.observation(code(PatientBundle.OMBC, "metastatic-lesion-count"), "2021-06-01");
        late.addFocus(new Reference("Condition/m1")).setValue(new org.hl7.fhir.r4.model.IntegerType(3));
        var a = Vignettes.json(chart.add(late).add(early));
        assertThat(a.lesionCount()).isEqualTo(3);
    }

    @Test
    void abatedRefutedAndErroneousLesionsAreNotCurrent() {
        var chart = luminalRelapse("not-current")
                .boneLesions(1, "2021-03-01")
                .pastMetastasis("old", sct("94381002"), "2020-01-01", "2020-06-01");
        Condition refuted = chart.condition("refuted", sct("94391008"), "2021-03-01", "active");
        refuted.setVerificationStatus(code("http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted"));
        Condition error = chart.condition("error", sct("94225005"), "2021-03-01", "active");
        error.setVerificationStatus(
                code("http://terminology.hl7.org/CodeSystem/condition-ver-status", "entered-in-error"));
        var a = Vignettes.json(chart.add(refuted).add(error));
        assertThat(a.lesionCount()).isEqualTo(1);
        assertThat(a.sites()).containsExactly("bone");
        assertThat(a.estroEortcState()).isEqualTo("repeat-oligorecurrence");
        assertThat(a.diseaseFreeIntervalMonths())
                .as("from the first metastasis ever")
                .isEqualTo(48);
    }

    @Test
    void aMetastasisWithoutSiteCountsAsOther() {
        var a = Vignettes.json(luminalRelapse("no-site").metastasis("m1", icd("C79.9"), "2021-03-01"));
        assertThat(a.sites()).containsExactly("other");
        assertThat(a.lesionCount()).isEqualTo(1);
    }

    // -- coding variants ---------------------------------------------------------------------------------------

    @Test
    void icdCodesCountWithOrWithoutTheDotAndUnderTheWhoSystem() {
        var chart = PatientBundle.patient("icd")
                .primaryCoded(icd("C50.912"), "2016-01-01")
                .luminal("2016-01-10")
                .imaging("2021-03-01")
                .metastasis("m1", icd("C7951"), "2021-03-01")
                .metastasis("m2", code("http://hl7.org/fhir/sid/icd-10", "C78.7"), "2021-03-01")
                .metastasis("m3", icd("c78.01"), "2021-03-01");
        var a = Vignettes.json(chart);
        assertThat(a.sites()).containsExactly("bone", "liver", "lung");
        assertThat(a.lesionCount()).isEqualTo(3);
    }

    @Test
    void snomedByOidAndAGenericCodeWithABodySiteCount() {
        var a = Vignettes.json(luminalRelapse("oid")
                .metastasis("m1", code("urn:oid:2.16.840.1.113883.6.96", "94381002"), "2021-03-01")
                .metastasis("m2", sct("128462008"), sct("3120008"), "2021-03-01"));
        assertThat(a.sites()).containsExactly("liver", "pleura");
    }

    @Test
    void mcodeLateralityExtensionAndIcdLateralityPlaceAContralateralNode() {
        var chart = PatientBundle.patient("mcode")
                .primaryCoded(icd("C50.912"), "2016-01-01")
                .luminal("2016-01-10")
                .imaging("2021-03-01");
        CodeableConcept axilla = sct("68171009");
        axilla.addExtension(new Extension(
                "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier", sct("24028007")));
        var a = Vignettes.json(chart.metastasis("ax", sct("128462008"), axilla, "2021-03-01"));
        assertThat(a.sites()).containsExactly("contralateral-axillary-lymph-node");
        assertThat(a.missingData()).isEmpty();
    }

    @Test
    void receptorResultsByLoincAnswerOrInterpretationButNotByTextAlone() {
        var chart = PatientBundle.patient("receptor-codings")
                .primary("2016-01-01")
                .imaging("2021-03-01")
                .boneLesions(1, "2021-03-01");
        Observation er = chart.observation(code(PatientBundle.LOINC, "85337-4"), "2016-01-10");
        er.setValue(code(PatientBundle.LOINC, "LA6576-8"));
        Observation pr = chart.observation(code(PatientBundle.LOINC, "40557-1"), "2016-01-10");
        pr.addInterpretation(code("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "NEG"));
        Observation her2 = chart.observation(code(PatientBundle.LOINC, "85319-2"), "2016-01-10");
        her2.setValue(new org.hl7.fhir.r4.model.StringType("Negative"));
        var a = Vignettes.json(chart.add(er).add(pr).add(her2));
        // clinical-rules 10: an answer given only as text is not readable (version 2 read "Negative").
        assertThat(a.subtype()).isEqualTo("unknown");
        assertThat(a.missingData()).containsExactly("her2-status");
        Observation her2Coded = chart.observation(code(PatientBundle.LOINC, "85319-2"), "2016-01-11");
        her2Coded.setValue(code(PatientBundle.LOINC, "LA6577-6"));
        var coded = Vignettes.json(chart.add(her2Coded));
        assertThat(coded.subtype()).isEqualTo("hr-positive-her2-negative");
        assertThat(coded.missingData()).isEmpty();
    }

    @Test
    void nodePositiveTextAtDiagnosisIsAnUnfavourableFactorAndN0IsNot() {
        var positive = Vignettes.json(
                luminalRelapse("cn1").nCategory("cN1a", "2016-01-05").boneLesions(1, "2021-03-01"));
        var negative = Vignettes.json(
                luminalRelapse("pn0").nCategory("pN0(i-)", "2016-01-05").boneLesions(1, "2021-03-01"));
        assertThat(positive.unfavorableFactors()).containsExactly("axillary-nodes-at-diagnosis");
        assertThat(negative.unfavorableFactors()).isEmpty();
    }

    @Test
    void lesionCountReferencedByUrnUuidAndPartialDatesAreRead() {
        String json = """
            {"resourceType":"Bundle","type":"collection","entry":[
             {"fullUrl":"urn:uuid:9a3f","resource":{"resourceType":"Patient"}},
             {"fullUrl":"urn:uuid:c1","resource":{"resourceType":"Condition","code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009"}]},"onsetDateTime":"2015"}},
             {"fullUrl":"urn:uuid:c2","resource":{"resourceType":"Condition","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"relapse"}]},"code":{"coding":[{"system":"http://snomed.info/sct","code":"94391008"}]},"onsetDateTime":"2020-07"}},
             {"fullUrl":"urn:uuid:o1","resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://ombc-cds.org/fhir/CodeSystem/ombc","code":"metastatic-lesion-count"}]},"focus":[{"reference":"urn:uuid:c2"}],"valueInteger":2}}
            ]}""";
        var a = org.ombc.cds.cards.AssessmentJson.of(Vignettes.assessJson(json));
        assertThat(a.lesionCount()).isEqualTo(2);
        // Rules v2: a primary known only to the year gives no reported DFI, but 2015 to 2020-07 is certainly >= 24.
        assertThat(a.diseaseFreeIntervalMonths()).isNull();
        assertThat(a.favorableFactors()).contains("long-disease-free-interval");
        assertThat(a.estroEortcState()).isEqualTo("metachronous-oligorecurrence");
    }

    // -- contradictions ----------------------------------------------------------------------------------------

    @Test
    void theLatestReceptorResultWinsAndTheDisagreementIsNoted() {
        var a = Vignettes.assess(PatientBundle.patient("er-flip")
                .primary("2016-01-01")
                .imaging("2021-03-01")
                .er(false, "2021-03-05")
                .er(true, "2016-01-10")
                .pr(false, "2021-03-05")
                .her2(false, "2021-03-05")
                .boneLesions(1, "2021-03-01"));
        assertThat(a.subtype()).isEqualTo(Subtype.TRIPLE_NEGATIVE);
        assertThat(a.record().er().conflicting()).isTrue();
        assertThat(a.record().notes()).anyMatch(n -> n.startsWith("ER results disagree over time"));
    }

    @Test
    void contradictoryResultsOnTheSameDayAreUnknown() {
        var a = Vignettes.assess(
                luminalRelapse("er-same-day").er(false, "2016-01-10").boneLesions(1, "2021-03-01"));
        assertThat(a.missingData()).contains(MissingData.ER_STATUS);
        assertThat(a.subtype()).as("PR positive, HER2 negative").isEqualTo(Subtype.HR_POSITIVE_HER2_NEGATIVE);
    }

    @Test
    void noBreastCancerMeansNoAssessmentEvenWithMetastases() {
        var a = Vignettes.json(PatientBundle.patient("lung-primary")
                .primaryCoded(new CodeableConcept(new Coding(PatientBundle.SNOMED, "93880001", null)), "2019-01-01")
                .metastasis("m1", sct("94222008"), "2021-01-01"));
        assertThat(a.breastCancer()).isFalse();
        assertThat(a.metastatic()).isFalse();
        assertThat(a.subtype()).isNull();
        assertThat(a.recommendations()).isEmpty();
        assertThat(a.oligometastatic()).isNull();
    }
}
