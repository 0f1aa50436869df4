package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.support.Vignettes;

/**
 * clinical-rules 10, "Version 3 decisions: codings from the real world": concept families, mCODE profiles, staging
 * that says metastatic, HER2 ISH ratios, results without a value, agents by name, and nothing unknown silent. Codes
 * that no public terminology holds (the 9999... SNOMED codes below) stand for "a real code our expansion lacks", so
 * these vignettes keep their meaning when the published expansions grow.
 */
class Version3DecisionsVignettesTest {

    private static final String LOINC = "http://loinc.org";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String ICD_O_3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    private static final String MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    /** Not a SNOMED CT concept: a breast cancer code the published expansion cannot hold. */
    private static final String UNKNOWN_SNOMED = "999999991000000109";

    private static CodeableConcept sctShown(String code, String display) {
        return new CodeableConcept(new Coding(SNOMED, code, display));
    }

    private static Condition mcode(PatientBundle chart, String profile, CodeableConcept code, @Nullable String onset) {
        Condition c = chart.condition(profile.startsWith("mcode-primary") ? "primary" : "met", code, onset, "active");
        c.getMeta().addProfile(MCODE + profile);
        return c;
    }

    /** A left-sided luminal chart whose primary is coded only as given. */
    private static PatientBundle chartWithPrimary(String id, Condition primary) {
        PatientBundle chart = PatientBundle.patient(id);
        return chart.add(primary).luminal("2019-01-05").imaging("2021-03-01");
    }

    @Nested
    class BreastCancerIsAConceptFamily {

        @Test
        void anMcodePrimaryWithABreastBodySiteIsBreastCancerWhateverHistologicCodeItCarries() {
            PatientBundle chart = PatientBundle.patient("mcode-primary");
            Condition primary = mcode(
                    chart,
                    "mcode-primary-cancer-condition",
                    sctShown(UNKNOWN_SNOMED, "Infiltrating duct carcinoma of breast"),
                    "2019-01-01");
            primary.setClinicalStatus(null);
            primary.addBodySite(sct("76752008"));
            var a = Vignettes.json(chart.add(primary)
                    .luminal("2019-01-05")
                    .metastasis("m1", sct("94222008"), "2021-03-01")
                    .imaging("2021-03-01"));
            assertThat(a.breastCancer()).isTrue();
            assertThat(a.oligometastatic()).isEqualTo("yes");
        }

        @Test
        void theMcodeProfileClaimAloneDecidesNothing() {
            PatientBundle chart = PatientBundle.patient("mcode-claim-only");
            Condition claimed = mcode(
                    chart,
                    "mcode-primary-cancer-condition",
                    sctShown(UNKNOWN_SNOMED, "Malignant neoplasm of colon, hypothetical"),
                    "2019-01-01");
            var a = Vignettes.assess(chart.add(claimed));
            assertThat(a.breastCancer()).isFalse();
            assertThat(a.record().notes())
                    .anyMatch(n -> n.startsWith("1 cancer diagnosis with a code the service "
                            + "does not know: 'Malignant neoplasm of colon, hypothetical' (SNOMED " + UNKNOWN_SNOMED
                            + ")"));
        }

        @Test
        void aCancerCodeTheServiceCannotPlaceIsNamedWithItsTextAndCodeAndNeverUsed() {
            PatientBundle chart = PatientBundle.patient("unknown-code");
            Condition c = chart.condition(
                    "primary",
                    sctShown(UNKNOWN_SNOMED, "Infiltrating duct carcinoma of breast"),
                    "2019-01-01",
                    "active");
            var a = Vignettes.assess(chart.add(c).metastasis("m1", sct("94222008"), "2021-03-01"));
            assertThat(a.breastCancer()).as("never guessed").isFalse();
            assertThat(a.record().notes())
                    .contains("1 cancer diagnosis with a code the service does not know: "
                            + "'Infiltrating duct carcinoma of breast' (SNOMED " + UNKNOWN_SNOMED + ") (Condition/"
                            + c.getIdElement().getIdPart()
                            + "). Not used in the assessment; code it as breast cancer or as "
                            + "a metastasis (SNOMED CT, ICD-10-CM or ICD-O-3) if it is one.");
        }

        @Test
        void aChartsWordsNeverBecomeMarkupOnTheCard() {
            PatientBundle chart = PatientBundle.patient("markup");
            Condition c = chart.condition(
                    "primary",
                    sctShown(UNKNOWN_SNOMED, "<img src=x onerror=alert(1)> [carcinoma](http://evil.example) **now**"),
                    "2019-01-01",
                    "active");
            var notes = Vignettes.assess(chart.add(c)).record().notes();
            assertThat(notes)
                    .singleElement()
                    .satisfies(n -> assertThat(n).contains("carcinoma").doesNotContain("<", ">", "[", "]", "**"));
        }

        @Test
        void anIcdO3BreastTopographyWithAMalignantMorphologyIsBreastCancer() {
            PatientBundle chart = PatientBundle.patient("icdo3");
            Condition c = chart.condition("primary", code(ICD_O_3, "C50.4"), "2019-01-01", "active");
            c.addExtension(MCODE + "mcode-histology-morphology-behavior", code(ICD_O_3, "8500/3"));
            var a = Vignettes.json(chartWithPrimary("icdo3", c).metastasis("m1", sct("94222008"), "2021-03-01"));
            assertThat(a.breastCancer()).isTrue();
            assertThat(a.metastatic()).isTrue();
        }

        @Test
        void inSituIsNotBreastCancerAndIsNotNamedAsUnknown() {
            PatientBundle chart = PatientBundle.patient("in-situ");
            Condition icdo = chart.condition("dcis", code(ICD_O_3, "C50.4"), "2019-01-01", "active");
            icdo.addExtension(MCODE + "mcode-histology-morphology-behavior", code(ICD_O_3, "8500/2"));
            Condition icd = chart.condition(
                    "dcis",
                    new CodeableConcept(new Coding(
                            "http://hl7.org/fhir/sid/icd-10-cm",
                            "D05.11",
                            "Intraductal carcinoma in situ of right breast")),
                    "2019-01-01",
                    "active");
            var a = Vignettes.assess(chart.add(icdo).add(icd));
            assertThat(a.breastCancer()).isFalse();
            assertThat(a.record().notes()).isEmpty();
        }

        @Test
        void anotherIcd10CancerIsKnownNotToBeBreastCancerAndStaysSilent() {
            PatientBundle chart = PatientBundle.patient("colon");
            Condition c = chart.condition(
                    "c",
                    new CodeableConcept(new Coding(
                            "http://hl7.org/fhir/sid/icd-10-cm", "C18.9", "Malignant neoplasm of colon, unspecified")),
                    "2019-01-01",
                    "active");
            var a = Vignettes.assess(chart.add(c));
            assertThat(a.breastCancer()).isFalse();
            assertThat(a.record().notes()).isEmpty();
        }
    }

    @Nested
    class Metastases {

        @Test
        void anMcodeSecondaryConditionWithoutStatusOrDateIsACurrentLesionAtItsBodySite() {
            PatientBundle chart = PatientBundle.patient("mcode-secondary")
                    .primary("2019-01-01")
                    .luminal("2019-01-05");
            Condition met = mcode(
                    chart,
                    "mcode-secondary-cancer-condition",
                    sctShown(UNKNOWN_SNOMED, "Secondary malignant neoplasm of liver, hypothetical"),
                    null);
            met.setClinicalStatus(null);
            met.addBodySite(sct("10200004"));
            var a = Vignettes.json(chart.add(met));
            assertThat(a.metastatic()).isTrue();
            assertThat(a.lesionCount()).isEqualTo(1);
            assertThat(a.sites()).containsExactly("liver");
            assertThat(a.missingData()).contains("metastasis-diagnosis-date");
        }

        @Test
        void anMcodeSecondaryConditionWithNeitherCodeNorSiteIsNamedNotCounted() {
            PatientBundle chart = PatientBundle.patient("mcode-secondary-bare")
                    .primary("2019-01-01")
                    .luminal("2019-01-05");
            Condition met = mcode(
                    chart,
                    "mcode-secondary-cancer-condition",
                    sctShown(UNKNOWN_SNOMED, "Metastatic disease, hypothetical"),
                    "2021-01-01");
            var a = Vignettes.assess(chart.add(met));
            assertThat(a.metastatic()).isFalse();
            assertThat(a.record().notes()).anyMatch(n -> n.contains("'Metastatic disease, hypothetical'"));
        }

        @Test
        void anIcdO3MetastaticBehaviourIsADistantMetastasis() {
            PatientBundle chart =
                    PatientBundle.patient("icdo3-met").primary("2019-01-01").luminal("2019-01-05");
            Condition met = chart.condition("met", code(ICD_O_3, "8500/6"), "2021-03-01", "active");
            met.addBodySite(sct("39607008"));
            var a = Vignettes.json(chart.add(met).imaging("2021-03-01"));
            assertThat(a.sites()).containsExactly("lung");
            assertThat(a.oligometastatic()).isEqualTo("yes");
        }

        @Test
        void theSiteComesFromBodySiteBeforeTheCode() {
            PatientBundle chart =
                    PatientBundle.patient("site-order").primary("2019-01-01").luminal("2019-01-05");
            var a = Vignettes.json(chart.metastasis("m1", sct("128462008"), sct("10200004"), "2021-03-01")
                    .imaging("2021-03-01"));
            assertThat(a.sites()).containsExactly("liver");
        }
    }

    @Nested
    class StagingSaysMetastatic {

        private Observation mCategory(PatientBundle chart, CodeableConcept value, String date) {
            Observation o = chart.observation(code(LOINC, "21907-1"), date);
            o.setValue(value);
            return o;
        }

        @Test
        void anM1CategoryWithNoMetastasisConditionIsMetastaticWithAnUnknownCount() {
            PatientBundle chart = PatientBundle.patient("synthea-stage-iv")
                    .primary("2019-01-01")
                    .luminal("2019-01-05");
            Observation m1 = mCategory(chart, sctShown("55440008", "M1 category (finding)"), "2019-01-01");
            var a = Vignettes.json(chart.add(m1));
            assertThat(a.metastatic()).isTrue();
            assertThat(a.oligometastatic()).isEqualTo("indeterminate");
            assertThat(a.lesionCount()).isNull();
            assertThat(a.sites()).isEmpty();
            assertThat(a.missingData()).contains("lesion-count");
            assertThat(a.recommendations()).contains("mdt-discussion", "staging-imaging");
            assertThat(Vignettes.assess(chart).record().notes())
                    .anyMatch(n -> n.startsWith("Staging (Observation/"
                            + m1.getIdElement().getIdPart()
                            + ": M1 or stage IV) records distant metastases that the chart "
                            + "does not list"));
        }

        @ParameterizedTest
        @CsvSource({"21908-9,Stage 4", "21902-2,IV", "21908-9,Stage IVB"})
        void aStageGroupIvGivenAsTextIsMetastatic(String loinc, String text) {
            PatientBundle chart =
                    PatientBundle.patient("stage-iv").primary("2019-01-01").luminal("2019-01-05");
            Observation stage = chart.observation(code(LOINC, loinc), "2019-01-01");
            stage.setValue(new CodeableConcept().setText(text));
            assertThat(Vignettes.json(chart.add(stage)).metastatic()).isTrue();
        }

        @Test
        void anEarlierStageOrAnM0SaysNothing() {
            PatientBundle chart =
                    PatientBundle.patient("stage-iiia").primary("2019-01-01").luminal("2019-01-05");
            Observation stage = chart.observation(code(LOINC, "21908-9"), "2019-01-01");
            stage.setValue(new CodeableConcept().setText("Stage IIIA"));
            chart.add(stage).add(mCategory(chart, sctShown("30893008", "M0 category (finding)"), "2019-01-01"));
            assertThat(Vignettes.json(chart).metastatic()).isFalse();
        }

        @Test
        void anM0NeverOutweighsARecordedCurrentMetastasisAndRecordedLesionsKeepTheirCount() {
            PatientBundle chart = PatientBundle.patient("m0-with-met")
                    .primary("2019-01-01")
                    .luminal("2019-01-05")
                    .metastasis("m1", sct("94222008"), "2021-03-01")
                    .imaging("2021-03-01");
            chart.add(mCategory(chart, sctShown("30893008", "M0 category (finding)"), "2019-01-01"));
            chart.add(mCategory(chart, sctShown("55440008", "M1 category (finding)"), "2021-03-01"));
            var a = Vignettes.json(chart);
            assertThat(a.oligometastatic()).isEqualTo("yes");
            assertThat(a.lesionCount()).isEqualTo(1);
        }
    }

    @Nested
    class Her2InSituHybridisation {

        private PatientBundle her2Fish(String id, org.hl7.fhir.r4.model.Type value) {
            PatientBundle chart = PatientBundle.patient(id)
                    .primary("2019-01-01")
                    .er(true, "2019-01-05")
                    .pr(true, "2019-01-05");
            Observation fish = chart.observation(
                    new CodeableConcept(
                            new Coding(LOINC, "85318-4", "HER2 [Presence] in Breast cancer specimen by FISH")),
                    "2019-01-06");
            fish.setValue(value);
            return chart.add(fish);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "less than 1.8,hr-positive-her2-negative",
            "greater than 2.2,her2-positive",
            "< 2.0,hr-positive-her2-negative",
            "2.0,her2-positive",
            "1.99,hr-positive-her2-negative",
            "less than 2.5,unknown",
            "greater than 1.5,unknown",
            "amplified,unknown"
        })
        void theRatioAsTextIsReadByAscoCap(String text, String subtype) {
            assertThat(Vignettes.json(her2Fish("fish-" + text.hashCode(), new StringType(text)))
                            .subtype())
                    .isEqualTo(subtype);
        }

        @Test
        void theRatioAsAQuantityIsRead() {
            var value = new Quantity().setValue(new BigDecimal("2.4")).setUnit("ratio");
            assertThat(Vignettes.json(her2Fish("fish-quantity", value)).subtype())
                    .isEqualTo("her2-positive");
            var below =
                    new Quantity().setValue(new BigDecimal("2.4")).setComparator(Quantity.QuantityComparator.LESS_THAN);
            assertThat(Vignettes.json(her2Fish("fish-below", below)).subtype()).isEqualTo("unknown");
        }
    }

    @Nested
    class ResultsWithoutAValueOrOnlyAsText {

        @Test
        void anObservationWithoutValueOrDataAbsentReasonIsNotAResult() {
            PatientBundle chart =
                    PatientBundle.patient("no-value").primary("2019-01-01").luminal("2019-01-05");
            chart.add(chart.observation(code(LOINC, "16112-5"), "2020-01-01"));
            assertThat(Vignettes.json(chart).subtype()).isEqualTo("hr-positive-her2-negative");
        }

        @Test
        void aLaterResultWithADataAbsentReasonIsAnUnreadableLatestResult() {
            PatientBundle chart = PatientBundle.patient("absent")
                    .primary("2019-01-01")
                    .tripleNegative("2019-01-05")
                    .metastasis("m1", sct("94222008"), "2021-03-01")
                    .imaging("2021-03-01");
            Observation later = chart.observation(code(LOINC, "16112-5"), "2020-01-01");
            later.setDataAbsentReason(code("http://terminology.hl7.org/CodeSystem/data-absent-reason", "error"));
            var a = Vignettes.json(chart.add(later));
            assertThat(a.subtype()).isEqualTo("unknown");
            assertThat(a.missingData()).contains("er-status");
        }

        @Test
        void aReceptorAnswerGivenOnlyAsTextIsNotRead() {
            PatientBundle chart = PatientBundle.patient("text-answer")
                    .primary("2019-01-01")
                    .pr(false, "2019-01-05")
                    .her2(false, "2019-01-05")
                    .metastasis("m1", sct("94222008"), "2021-03-01")
                    .imaging("2021-03-01");
            Observation er = chart.observation(code(LOINC, "16112-5"), "2019-01-05");
            er.setValue(new StringType("Positive"));
            Observation pr = chart.observation(code(LOINC, "16113-3"), "2019-02-05");
            pr.setValue(new CodeableConcept().setText("negative"));
            var a = Vignettes.json(chart.add(er).add(pr));
            assertThat(a.subtype()).isEqualTo("unknown");
            assertThat(a.missingData()).contains("er-status", "pr-status");
        }
    }

    @Nested
    class AgentsByName {

        @Test
        void aProductCodeTheServiceLacksCountsWhenItsDisplayNamesAListedAgentAndIsNamed() {
            PatientBundle chart = PatientBundle.patient("agent-by-name")
                    .primary("2015-01-01")
                    .luminal("2015-01-05")
                    .metastasis("m1", sct("94222008"), "2021-03-01")
                    .imaging("2021-03-01");
            MedicationStatement m = new MedicationStatement();
            m.setId("ms-name");
            m.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
            m.setMedication(new CodeableConcept(new Coding(
                    "http://www.nlm.nih.gov/research/umls/rxnorm",
                    "99999999",
                    "Fulvestrant 50 MG/ML Prefilled Syringe, hypothetical")));
            m.setSubject(new Reference("Patient/agent-by-name"));
            m.setEffective(new Period().setStartElement(new DateTimeType("2020-01-01")));
            var a = Vignettes.assess(chart.add(m));
            assertThat(a.record().therapies()).hasSize(1);
            assertThat(a.estroEortcState()).isEqualTo(EstroEortcState.METACHRONOUS_OLIGOPROGRESSION);
            assertThat(a.record().notes())
                    .anyMatch(n ->
                            n.contains("MedicationStatement/ms-name") && n.contains("read as fulvestrant by its name"));
        }
    }

    @Nested
    class Clarified {

        @Test
        void firstLineNeedsNoDatesWhenTheChartHoldsNoPastMetastasis() {
            PatientBundle chart = PatientBundle.patient("undated-first-line")
                    .primary("2019-01-01")
                    .luminal("2019-01-05")
                    .metastasis("m1", sct("94222008"), null)
                    .metastasis("m2", sct("94222008"), null);
            var a = Vignettes.json(chart);
            assertThat(a.oligometastatic()).isEqualTo("yes");
            assertThat(a.estroEortcState()).isNull();
            assertThat(a.trials())
                    .as("STEREO-OS: 1-3 lesions, bone only, first line")
                    .contains("NCT03143322");
        }

        @Test
        void aPastMetastasisLeavesFirstLineToTheDates() {
            PatientBundle chart = PatientBundle.patient("undated-with-past")
                    .primary("2015-01-01")
                    .luminal("2015-01-05")
                    .pastMetastasis("old", sct("94381002"), "2017-01-01", "2018-01-01")
                    .metastasis("m1", sct("94222008"), null);
            assertThat(Vignettes.json(chart).trials()).doesNotContain("NCT03143322");
        }

        @Test
        void anAxillaryNodeOfUnknownSideIsNotASiteForTrialCriteria() {
            PatientBundle chart = PatientBundle.patient("unknown-side-node")
                    .primary("2019-01-01", null)
                    .luminal("2019-01-05")
                    .metastasis("m1", sct("94222008"), "2021-03-01")
                    .metastasis("node", sct("128462008"), sct("68171009"), "2021-03-01")
                    .imaging("2021-03-01");
            var a = Vignettes.json(chart);
            assertThat(a.missingData()).contains("axillary-node-laterality");
            assertThat(a.trials()).as("bone only, one organ").contains("NCT03143322");
        }
    }

    @Test
    void theDiscoveryDocumentsObservationQueryAsksForStaging() {
        String query = new org.ombc.cds.chart.fetch.PrefetchTemplates(Vignettes.TERMINOLOGY)
                .query(org.ombc.cds.chart.fetch.PrefetchKey.OBSERVATIONS, "p1");
        assertThat(query).contains("http://loinc.org|21907-1", "http://loinc.org|21908-9");
    }

    /** What a fresh reading of the rules against hostile and outside-coded charts found (the attack of 2026-12-07). */
    @Nested
    class FoundByAnOutsideReview {

        @Test
        void stageIvInThePrimarysOwnStageSummaryIsMetastatic() {
            PatientBundle chart = PatientBundle.patient("stage-summary");
            Condition primary = chart.condition("primary", sct("254837009"), "2021-06-01", "active");
            primary.addStage().setSummary(sctShown("1523005", null));
            var a = Vignettes.json(chart.add(primary).luminal("2021-06-05"));
            assertThat(a.metastatic()).isTrue();
            assertThat(a.oligometastatic()).isEqualTo("indeterminate");
            assertThat(a.missingData()).contains("lesion-count");
        }

        @Test
        void anAjccStageIvCodeWithoutDisplayIsRead() {
            PatientBundle chart =
                    PatientBundle.patient("ajcc-iv").primary("2021-06-01").luminal("2021-06-05");
            Observation stage = chart.observation(code(LOINC, "21908-9"), "2021-06-01");
            stage.setValue(code(SNOMED, "1222837003"));
            assertThat(Vignettes.json(chart.add(stage)).metastatic()).isTrue();
        }

        @Test
        void stagingOfAnotherCancerSaysNothingAboutTheBreastCancer() {
            PatientBundle chart =
                    PatientBundle.patient("other-staging").primary("2021-06-01").luminal("2021-06-05");
            Condition lung = chart.condition(
                    "lung", code("http://hl7.org/fhir/sid/icd-10-cm", "C34.90"), "2022-01-01", "active");
            Observation stage = chart.observation(code(LOINC, "21908-9"), "2022-01-01");
            stage.setValue(new CodeableConcept().setText("Stage IV"));
            stage.addFocus(new Reference("Condition/" + lung.getIdElement().getIdPart()));
            assertThat(Vignettes.json(chart.add(lung).add(stage)).metastatic()).isFalse();
        }

        @Test
        void triplenegativeBreastCancerBySnomedIsBreastCancer() {
            PatientBundle chart = PatientBundle.patient("tnbc-code");
            chart.add(chart.condition("primary", sct("706970001"), "2020-01-01", "active"));
            var a = Vignettes.json(chart.tripleNegative("2020-01-05")
                    .metastasis("m1", sct("94222008"), "2021-03-01")
                    .imaging("2021-03-01"));
            assertThat(a.breastCancer()).isTrue();
            assertThat(a.subtype()).isEqualTo("triple-negative");
        }

        @Test
        void aMetastasisBesideBreastCancerRecordedOnlyAsHistoryIsNamedNotSilent() {
            PatientBundle chart = PatientBundle.patient("history-of");
            chart.add(chart.condition(
                    "hx",
                    new CodeableConcept(new Coding(
                            "http://hl7.org/fhir/sid/icd-10-cm",
                            "Z85.3",
                            "Personal history of malignant neoplasm of breast")),
                    "2015-01-01",
                    "active"));
            var a = Vignettes.assess(chart.metastasis("m1", sct("94222008"), "2021-03-01"));
            assertThat(a.breastCancer()).isFalse();
            assertThat(a.record().unreadCancer())
                    .as("the data-quality card is shown")
                    .isTrue();
            assertThat(a.record().notes())
                    .anyMatch(n -> n.startsWith("A current metastasis is recorded, but breast "
                            + "cancer only as 'Personal history of malignant neoplasm of breast' (ICD-10-CM Z85.3)"));
        }

        @Test
        void aMedicationRequestNamingABundledMedicationIsRead() {
            PatientBundle chart = PatientBundle.patient("med-ref")
                    .primary("2015-01-01")
                    .luminal("2015-01-05")
                    .metastasis("m1", sct("94222008"), "2021-03-01")
                    .imaging("2021-03-01");
            org.hl7.fhir.r4.model.Medication letrozole = new org.hl7.fhir.r4.model.Medication();
            letrozole.setId("med-letrozole");
            letrozole.setCode(code("http://www.nlm.nih.gov/research/umls/rxnorm", "72965"));
            org.hl7.fhir.r4.model.MedicationRequest order = new org.hl7.fhir.r4.model.MedicationRequest();
            order.setId("mr-ref");
            order.setStatus(org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus.ACTIVE);
            order.setIntent(org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestIntent.ORDER);
            order.setMedication(new Reference("Medication/med-letrozole"));
            order.setSubject(new Reference("Patient/med-ref"));
            order.setAuthoredOnElement(new DateTimeType("2020-01-01"));
            var a = Vignettes.assess(chart.add(letrozole).add(order));
            assertThat(a.estroEortcState()).isEqualTo(EstroEortcState.METACHRONOUS_OLIGOPROGRESSION);
        }

        @ParameterizedTest(name = "ER {0}% -> {1}")
        @CsvSource({"90,hr-positive-her2-negative", "1,hr-positive-her2-negative", "0.5,triple-negative"})
        void hormoneReceptorsAsPercentOfStainedCellsFollowAscoCap(String percent, String subtype) {
            PatientBundle chart = PatientBundle.patient("er-pct-" + percent.hashCode())
                    .primary("2019-01-01")
                    .pr(false, "2019-01-05")
                    .her2(false, "2019-01-05");
            Observation er = chart.observation(code(LOINC, "16112-5"), "2019-01-05");
            er.setValue(new Quantity()
                    .setValue(new BigDecimal(percent))
                    .setUnit("%")
                    .setCode("%"));
            assertThat(Vignettes.json(chart.add(er)).subtype()).isEqualTo(subtype);
        }

        @ParameterizedTest
        @CsvSource({"HER2/CEP17 ratio 2.4,her2-positive", "ratio: 1.3,hr-positive-her2-negative"})
        void aRatioWithTheWordsThatNameItIsRead(String text, String subtype) {
            PatientBundle chart = PatientBundle.patient("ratio-words-" + text.hashCode())
                    .primary("2019-01-01")
                    .er(true, "2019-01-05")
                    .pr(true, "2019-01-05");
            Observation fish = chart.observation(code(LOINC, "85318-4"), "2019-01-06");
            fish.setValue(new StringType(text));
            assertThat(Vignettes.json(chart.add(fish)).subtype()).isEqualTo(subtype);
        }

        @Test
        void anIcdO3TopographyInBodySitePlacesTheMetastasis() {
            PatientBundle chart =
                    PatientBundle.patient("icdo3-site").primary("2019-01-01").luminal("2019-01-05");
            var a = Vignettes.json(chart.metastasis("m1", sct("128462008"), code(ICD_O_3, "C22.0"), "2021-03-01")
                    .imaging("2021-03-01"));
            assertThat(a.sites()).containsExactly("liver");
        }

        @Test
        void controlCharactersAndEndlessCodeListsNeverReachTheCard() {
            PatientBundle chart = PatientBundle.patient("hostile-display");
            CodeableConcept code = new CodeableConcept();
            for (int i = 0; i < 3000; i++) {
                code.addCoding(new Coding(SNOMED, "99999" + i + "1000000109", null));
            }
            code.getCodingFirstRep().setDisplay("Carcinoma\u202e of\u0007 breast");
            var notes = Vignettes.assess(chart.add(chart.condition("c", code, "2019-01-01", "active")))
                    .record()
                    .notes();
            assertThat(notes).singleElement().satisfies(n -> assertThat(n)
                    .hasSizeLessThan(400)
                    .doesNotContain("\u202e", "\u0007")
                    .contains("Carcinoma of breast"));
        }
    }
}
