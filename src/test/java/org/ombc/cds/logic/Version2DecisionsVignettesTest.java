package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;
import static org.ombc.cds.apps.sandbox.PatientBundle.icd;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.util.List;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.support.Vignettes;

/**
 * clinical-rules 8, "Version 2 decisions: real EHR data" (dates, duplicates of the primary, codes, receptors,
 * ESTRO-EORTC timing), one vignette per decision, and both sides of every threshold with partial dates. The
 * vignettes' today is {@link Vignettes#TODAY} (2026-11-27).
 */
class Version2DecisionsVignettesTest {

    /** The chart's primary tumour; a vignette that expects one fails here when the mapping found none. */
    static org.ombc.cds.model.PrimaryTumour primaryOf(Assessment a) {
        assertThat(a.record().primary()).as("primary tumour").isNotNull();
        return java.util.Objects.requireNonNull(a.record().primary());
    }

    private static final CodeableConcept BONE = sct("94222008");
    private static final CodeableConcept LIVER = sct("94381002");
    private static final CodeableConcept LUNG = sct("94391008");

    /** A luminal primary (left breast) with onset {@code primary}, imaging on {@code imaging}. */
    private static PatientBundle chart(String id, String primary) {
        return PatientBundle.patient(id).primary(primary).luminal("2010-01-05");
    }

    private static List<String> notes(Assessment a) {
        return a.record().notes();
    }

    // -- dates are intervals: the 6-month threshold ---------------------------------------------------------

    @Nested
    class SynchronousWithinSixMonths {

        @Test
        void primaryKnownToTheYearAndMetastasisInJuneOfThatYearIsUndecidableAndTheYearIsNamed() {
            var a = Vignettes.json(chart("sync-undecided", "2019")
                    .metastasis("m1", BONE, "2019-06")
                    .imaging("2019-06-10"));
            assertThat(a.oligometastatic()).isEqualTo("yes");
            assertThat(a.estroEortcState()).isNull();
            assertThat(a.missingData()).containsExactly("primary-diagnosis-date");
            assertThat(a.diseaseFreeIntervalMonths())
                    .as("the primary is known only to the year")
                    .isNull();
            assertThat(a.recommendations()).doesNotContain("primary-tumor-surgery");
        }

        @Test
        void primaryAndMetastasisKnownToTheMonthTwoMonthsApartAreSynchronous() {
            var a = Vignettes.json(chart("sync-months", "2019-03")
                    .metastasis("m1", BONE, "2019-05")
                    .imaging("2019-05-10"));
            assertThat(a.estroEortcState()).isEqualTo("synchronous");
            assertThat(a.diseaseFreeIntervalMonths()).isEqualTo(2);
            assertThat(a.missingData()).isEmpty();
            assertThat(a.recommendations()).contains("primary-tumor-surgery");
        }

        @Test
        void aYearOnlyPrimaryAndAMetastasisMoreThanSixMonthsAfterItsEndAreMetachronous() {
            var a = Vignettes.json(chart("meta-year", "2019")
                    .metastasis("m1", BONE, "2020-09-01")
                    .imaging("2020-09-01"));
            assertThat(a.estroEortcState()).isEqualTo("metachronous-oligorecurrence");
            assertThat(a.missingData())
                    .as("and under 24 months for every day of 2019")
                    .isEmpty();
            assertThat(a.favorableFactors()).doesNotContain("long-disease-free-interval");
        }

        @Test
        void aMetastasisKnownToTheMonthNextToAnExactPrimaryNamesTheMetastasisDate() {
            var a = Vignettes.json(chart("sync-month-met", "2019-01-15")
                    .metastasis("m1", BONE, "2019-07")
                    .imaging("2019-07-10"));
            assertThat(a.estroEortcState()).isNull();
            assertThat(a.missingData()).containsExactly("metastasis-diagnosis-date");
            assertThat(a.diseaseFreeIntervalMonths()).isEqualTo(5);
        }
    }

    // -- the 24-month threshold -----------------------------------------------------------------------------

    @Nested
    class LongDiseaseFreeInterval {

        @Test
        void fromAYearOnlyPrimaryTo17To29MonthsIsUndecidableAndTheYearIsNamed() {
            var a = Vignettes.json(chart("dfi-undecided", "2019")
                    .metastasis("m1", BONE, "2021-06-15")
                    .imaging("2021-06-15"));
            assertThat(a.favorableFactors()).doesNotContain("long-disease-free-interval");
            assertThat(a.missingData()).containsExactly("primary-diagnosis-date");
            assertThat(a.diseaseFreeIntervalMonths()).isNull();
            assertThat(a.estroEortcState()).as("the 6 months are decided").isEqualTo("metachronous-oligorecurrence");
        }

        @Test
        void fromAYearOnlyPrimaryToMoreThan24MonthsAfterItsEndIsLong() {
            var a = Vignettes.json(chart("dfi-long", "2019")
                    .metastasis("m1", BONE, "2022-02-01")
                    .imaging("2022-02-01"));
            assertThat(a.favorableFactors()).contains("long-disease-free-interval");
            assertThat(a.missingData()).isEmpty();
            assertThat(a.diseaseFreeIntervalMonths()).isNull();
        }

        @Test
        void datesKnownToTheMonthReportTheIntervalAndDecideIt() {
            var a = Vignettes.json(chart("dfi-month", "2019-03")
                    .metastasis("m1", BONE, "2021-06")
                    .imaging("2021-06-10"));
            assertThat(a.diseaseFreeIntervalMonths()).isEqualTo(27);
            assertThat(a.favorableFactors()).contains("long-disease-free-interval");
            assertThat(a.missingData()).isEmpty();
        }

        @Test
        void twentyFourMonthsBetweenMonthsIsUndecidedWhenTheDaysMatter() {
            // 2019-03 to 2021-03: 23 months (03-31 to 03-01) to 24 months (03-01 to 03-31).
            var a = Vignettes.json(chart("dfi-24-edge", "2019-03")
                    .metastasis("m1", BONE, "2021-03")
                    .imaging("2021-03-10"));
            assertThat(a.diseaseFreeIntervalMonths()).isEqualTo(24);
            assertThat(a.favorableFactors()).doesNotContain("long-disease-free-interval");
            assertThat(a.missingData()).containsExactly("metastasis-diagnosis-date", "primary-diagnosis-date");
        }
    }

    // -- the 36-month threshold of the lung row --------------------------------------------------------------

    @Nested
    class LungMetastasectomyInterval {

        private Assessment lung(String id, String primary, String metastasis) {
            return Vignettes.assess(
                    chart(id, primary).metastasis("lung-1", LUNG, metastasis).imaging(metastasis));
        }

        @Test
        void undecidedAroundThirtySixMonthsIsShownAsAnUnknownNegativeFactorAndNamed() {
            var a = lung("lung-undecided", "2018", "2021-06-15");
            assertThat(a.findingFor(Recommendation.METASTASIS_SURGERY).facts())
                    .contains("negative factor: disease-free interval unknown (3 years or less is unfavourable)");
            assertThat(a.missingData()).containsExactly(MissingData.PRIMARY_DIAGNOSIS_DATE);
        }

        @Test
        void certainlyMoreThanThirtySixMonthsIsNoNegativeFactor() {
            var a = lung("lung-long", "2017", "2021-06-15");
            assertThat(a.findingFor(Recommendation.METASTASIS_SURGERY).facts()).containsExactly("solitary lung lesion");
            assertThat(a.missingData()).isEmpty();
        }

        @Test
        void certainlyThirtySixMonthsOrLessIsANegativeFactorWithItsBound() {
            var a = lung("lung-short", "2019-03", "2021-06-15");
            assertThat(a.findingFor(Recommendation.METASTASIS_SURGERY).facts())
                    .contains("negative factor: disease-free interval 27 months (3 years or less is unfavourable)");
        }

        @Test
        void exactlyOneLesionInTheLungMeansOneLesionNotOneCondition() {
            var a = Vignettes.assess(chart("lung-count", "2017-03-01")
                    .metastasis("lung-1", LUNG, "2021-06-15")
                    .lesionCount("lung-1", 2)
                    .imaging("2021-06-15"));
            assertThat(a.recommends(Recommendation.METASTASIS_SURGERY)).isFalse();
        }

        @Test
        void erAndPrNegativeIsShownAsANegativeFactor() {
            var a = Vignettes.assess(PatientBundle.patient("lung-hr-neg")
                    .primary("2015-03-01")
                    .er(false, "2015-03-05")
                    .pr(false, "2015-03-05")
                    .her2(true, "2015-03-05")
                    .metastasis("lung-1", LUNG, "2021-06-15")
                    .imaging("2021-06-15"));
            assertThat(a.findingFor(Recommendation.METASTASIS_SURGERY).facts())
                    .containsExactly("solitary lung lesion", "negative factor: hormone receptor negative");
        }
    }

    // -- the 90-day imaging window ---------------------------------------------------------------------------

    @Nested
    class StagingImagingWindow {

        @Test
        void imagingThatMayOrMayNotLieWithin90DaysOfAMonthOnlyOmdDateAsksForTheDate() {
            var a = Vignettes.json(chart("img-undecided", "2016-01-01")
                    .metastasis("m1", BONE, "2021-03")
                    .imaging("2021-06-15"));
            assertThat(a.recommendations()).doesNotContain("staging-imaging");
            assertThat(a.missingData()).containsExactly("metastasis-diagnosis-date");
        }

        @Test
        void imagingCertainlyWithin90DaysIsEnough() {
            var a = Vignettes.json(chart("img-within", "2016-01-01")
                    .metastasis("m1", BONE, "2021-03")
                    .imaging("2021-04-15"));
            assertThat(a.recommendations()).doesNotContain("staging-imaging");
            assertThat(a.missingData()).isEmpty();
        }

        @Test
        void imagingCertainlyMoreThan90DaysAwayAsksForStaging() {
            var a = Vignettes.json(chart("img-outside", "2016-01-01")
                    .metastasis("m1", BONE, "2021-03")
                    .imaging("2021-09-15"));
            assertThat(a.recommendations()).contains("staging-imaging");
            assertThat(a.missingData()).isEmpty();
        }
    }

    // -- onset[x] and recordedDate ---------------------------------------------------------------------------

    @Nested
    class OnsetForms {

        /**
         * Born 1960-06-15 (the builder's birth date): age 58 is 2018-06-15..2019-06-14.
         *
         * @param recorded the Condition's recordedDate; null for none
         */
        private PatientBundle ageAtOnset(String id, org.hl7.fhir.r4.model.Type onset, @Nullable String recorded) {
            PatientBundle chart = PatientBundle.patient(id).luminal("2018-07-01");
            Condition primary = chart.condition("primary", sct("254837009"), null, "active");
            primary.setOnset(onset);
            if (recorded != null) {
                primary.setRecordedDateElement(new DateTimeType(recorded));
            }
            return chart.add(primary).metastasis("m1", BONE, "2022-05-01").imaging("2022-05-01");
        }

        @Test
        void onsetAgeWithTheBirthDateIsThatYearOfAgeAndALaterRecordedDateIsNotUsed() {
            Age age = new Age();
            age.setValue(58).setUnit("a").setSystem("http://unitsofmeasure.org").setCode("a");
            var a = Vignettes.assess(ageAtOnset("onset-age", age, "2022-01-01"));
            assertThat(primaryOf(a).diagnosedDate()).hasToString("2018-06-15..2019-06-14");
            assertThat(a.estroEortcState())
                    .as("v1 read the recordedDate: synchronous, DFI 4")
                    .isEqualTo(EstroEortcState.METACHRONOUS_OLIGORECURRENCE);
            assertThat(a.diseaseFreeIntervalMonths()).isNull();
            assertThat(a.favorableFactors()).contains(Factor.LONG_DISEASE_FREE_INTERVAL);
            assertThat(a.missingData()).isEmpty();
        }

        @Test
        void onsetRangeOfAgesSpansThoseYearsOfAge() {
            Range range = new Range();
            range.getLow().setValue(50).setCode("a");
            range.getHigh().setValue(52).setCode("a");
            var a = Vignettes.assess(ageAtOnset("onset-range", range, null));
            assertThat(primaryOf(a).diagnosedDate()).hasToString("2010-06-15..2013-06-14");
            assertThat(a.estroEortcState()).isEqualTo(EstroEortcState.METACHRONOUS_OLIGORECURRENCE);
        }

        @Test
        void onsetPeriodUsesItsStart() {
            var a = Vignettes.assess(ageAtOnset(
                    "onset-period",
                    new Period()
                            .setStartElement(new DateTimeType("2022-02-01"))
                            .setEndElement(new DateTimeType("2022-03-01")),
                    null));
            assertThat(primaryOf(a).diagnosedDate()).hasToString("2022-02-01");
            assertThat(a.estroEortcState()).isEqualTo(EstroEortcState.SYNCHRONOUS);
        }

        @Test
        void anOnsetAsTextIsNoDateAndTheRecordedDateIsNotUsedInstead() {
            var a = Vignettes.assess(ageAtOnset("onset-text", new StringType("in her fifties"), "2022-01-01"));
            assertThat(primaryOf(a).diagnosedDate()).isNull();
            assertThat(a.estroEortcState()).isNull();
            assertThat(a.missingData()).containsExactly(MissingData.PRIMARY_DIAGNOSIS_DATE);
            assertThat(notes(a)).anyMatch(n -> n.contains("onset (text) cannot be read as a date"));
        }

        @Test
        void anAgeWithoutABirthDateIsNoDateAndIsNamed() {
            PatientBundle chart =
                    ageAtOnset("onset-age-no-birth", new Age().setValue(58).setCode("a"), null);
            ((org.hl7.fhir.r4.model.Patient) chart.resources().get(0)).setBirthDate(null);
            var a = Vignettes.assess(chart);
            assertThat(a.missingData()).contains(MissingData.PRIMARY_DIAGNOSIS_DATE);
            assertThat(notes(a)).anyMatch(n -> n.contains("without the patient's birth date"));
        }
    }

    // -- dates after today ------------------------------------------------------------------------------------

    @Nested
    class FutureDates {

        @Test
        void aMetastasisDated9999IsUndatedNotADfiOf95769Months() {
            var a = Vignettes.assess(chart("y9999", "2016-01-01")
                    .metastasis("m1", BONE, "9999-12-31")
                    .imaging("2021-03-01"));
            assertThat(a.diseaseFreeIntervalMonths()).isNull();
            assertThat(a.favorableFactors()).doesNotContain(Factor.LONG_DISEASE_FREE_INTERVAL);
            assertThat(a.missingData()).containsExactly(MissingData.METASTASIS_DIAGNOSIS_DATE);
            assertThat(a.lesionCount()).as("the record stays, undated").isEqualTo(1);
            assertThat(notes(a))
                    .containsExactly("Metastasis (Condition/m1): the onset 9999-12-31 lies in the future "
                            + "and was ignored; correct the date in the record.");
        }

        @Test
        void tomorrowIsAcceptedAndTheDayAfterIsNot() {
            var tomorrow = Vignettes.assess(chart("tomorrow", "2016-01-01")
                    .metastasis("m1", BONE, "2026-11-28")
                    .imaging("2026-11-20"));
            assertThat(tomorrow.record().lesions().get(0).onsetDate()).hasToString("2026-11-28");
            assertThat(notes(tomorrow)).isEmpty();
            var later = Vignettes.assess(chart("later", "2016-01-01")
                    .metastasis("m1", BONE, "2026-11-29")
                    .imaging("2026-11-20"));
            assertThat(later.record().lesions().get(0).onsetDate()).isNull();
            assertThat(notes(later)).hasSize(1);
        }

        @Test
        void aFutureAbatementIsIgnoredSoAConditionWithoutStatusStaysCurrent() {
            PatientBundle chart = chart("abate-future", "2016-01-01").imaging("2021-03-01");
            Condition met = chart.condition("met", BONE, "2021-03-01", "active");
            met.setClinicalStatus(null);
            met.setAbatement(new DateTimeType("2030-01-01"));
            var a = Vignettes.assess(chart.add(met));
            assertThat(a.lesionCount()).isEqualTo(1);
            assertThat(notes(a)).anyMatch(n -> n.contains("abatement date 2030-01-01 lies in the future"));
        }

        @Test
        void aFutureReceptorResultIsUndatedSoTheLatestDatedOneWins() {
            var a = Vignettes.assess(PatientBundle.patient("er-future")
                    .primary("2016-01-01")
                    .er(false, "2016-01-05")
                    .er(true, "2099-01-01")
                    .pr(false, "2016-01-05")
                    .her2(false, "2016-01-05")
                    .metastasis("m1", BONE, "2021-03-01")
                    .imaging("2021-03-01"));
            assertThat(a.subtype()).isEqualTo(Subtype.TRIPLE_NEGATIVE);
            assertThat(notes(a))
                    .anyMatch(n ->
                            n.startsWith("ER result (Observation/") && n.contains("2099-01-01 lies in the future"));
        }

        @Test
        void aFutureSurgeryDateIsNamedAndTheSurgeryStillCounts() {
            var a = Vignettes.assess(chart("surgery-future", "2024-02-01")
                    .mastectomy("2031-01-01")
                    .metastasis("m1", BONE, "2024-03-01")
                    .imaging("2024-03-01"));
            assertThat(a.record().primaryResected()).isTrue();
            assertThat(a.recommends(Recommendation.PRIMARY_TUMOR_SURGERY)).isFalse();
            assertThat(notes(a))
                    .anyMatch(
                            n -> n.startsWith("Breast surgery (Procedure/") && n.contains("performed date 2031-01-01"));
        }

        @Test
        void aFutureTherapyStartIsIgnoredButAPlannedEndInTheFutureIsFine() {
            var planned = Vignettes.json(chart("end-planned", "2016-01-01")
                    .endocrineTherapy("2025-01-01", "2028-12-31")
                    .metastasis("m1", BONE, "2026-06-01")
                    .imaging("2026-06-01"));
            assertThat(planned.estroEortcState()).isEqualTo("metachronous-oligoprogression");
            var future = Vignettes.assess(chart("start-future", "2016-01-01")
                    .endocrineTherapy("2027-01-01", null)
                    .metastasis("m1", BONE, "2026-06-01")
                    .imaging("2026-06-01"));
            assertThat(future.estroEortcState()).isEqualTo(EstroEortcState.METACHRONOUS_OLIGORECURRENCE);
            assertThat(notes(future)).anyMatch(n -> n.startsWith("Systemic therapy (MedicationStatement/"));
        }
    }

    // -- duplicates of the primary and its side --------------------------------------------------------------

    @Nested
    class DuplicatesOfThePrimary {

        @Test
        void severalBreastCancerConditionsAreOnePrimaryWithTheEarliestDateAndTheStatedSide() {
            var chart = PatientBundle.patient("dup-primary")
                    .primaryCoded(icd("C50.912"), "2019-03-01")
                    .primaryCoded(sct("254837009"), "2018-11-01")
                    .luminal("2018-11-05")
                    .imaging("2022-06-01")
                    .metastasis("ax", sct("128462008"), rightAxilla(), "2022-06-01");
            var a = Vignettes.assess(chart);
            assertThat(primaryOf(a).diagnosedDate()).hasToString("2018-11-01");
            assertThat(a.sites()).containsExactly("contralateral-axillary-lymph-node");
            assertThat(a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT)).isTrue();
            assertThat(a.diseaseFreeIntervalMonths()).isEqualTo(43);
        }

        @Test
        void twoDifferentKnownSidesMakeTheSideUnknownAndAreNamed() {
            var chart = PatientBundle.patient("bilateral")
                    .primaryCoded(icd("C50.912"), "2019-03-01")
                    .primaryCoded(icd("C50.411"), "2019-03-01")
                    .luminal("2019-03-05")
                    .imaging("2022-06-01")
                    .metastasis("ax", sct("128462008"), rightAxilla(), "2022-06-01");
            var a = Vignettes.assess(chart);
            assertThat(primaryOf(a).side()).isEqualTo(org.ombc.cds.model.Laterality.UNKNOWN);
            assertThat(a.lesionCount()).isNull();
            assertThat(a.missingData()).containsExactly(MissingData.AXILLARY_NODE_LATERALITY);
            assertThat(notes(a)).anyMatch(n -> n.startsWith("Breast cancer is recorded on both sides"));
        }

        @Test
        void theSideComesFromTheCode() {
            assertThat(side(icd("C50.411"))).isEqualTo("RIGHT");
            assertThat(side(icd("C50.912"))).isEqualTo("LEFT");
            assertThat(side(icd("C50.919"))).as("unspecified").isEqualTo("UNKNOWN");
            assertThat(side(sct("353511000119101"))).isEqualTo("RIGHT");
            assertThat(side(sct("353431000119107"))).isEqualTo("LEFT");
        }

        @Test
        void theSideComesFromALateralityQualifierInBodySite() {
            PatientBundle chart = PatientBundle.patient("qualifier").luminal("2019-03-05");
            Condition primary = chart.condition("primary", sct("254837009"), "2019-03-01", "active");
            primary.addBodySite(sct("76752008")).addBodySite(sct("24028007"));
            assertThat(primaryOf(Vignettes.assess(chart.add(primary))).side())
                    .isEqualTo(org.ombc.cds.model.Laterality.RIGHT);
        }

        private String side(CodeableConcept code) {
            return primaryOf(Vignettes.assess(PatientBundle.patient("side").primaryCoded(code, "2019-03-01")))
                    .side()
                    .name();
        }

        private CodeableConcept rightAxilla() {
            CodeableConcept axilla = sct("68171009");
            axilla.addExtension(new org.hl7.fhir.r4.model.Extension(
                    "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier", sct("24028007")));
            return axilla;
        }
    }

    // -- codes ------------------------------------------------------------------------------------------------

    @Nested
    class Codes {

        @Test
        void textOnlyConditionsAndObservationsAreNotReadButCountedAndNamed() {
            PatientBundle chart = chart("free-text", "2016-01-01")
                    .metastasis("m1", BONE, "2021-03-01")
                    .imaging("2021-03-01");
            Condition liverText =
                    chart.condition("txt", new CodeableConcept().setText("Liver mets"), "2021-03-01", "active");
            Observation erText = chart.observation(new CodeableConcept().setText("ER status"), "2021-03-05");
            erText.setValue(new StringType("negative"));
            Observation noCode = chart.observation(new CodeableConcept(), "2021-03-05");
            var a = Vignettes.assess(chart.add(liverText).add(erText).add(noCode));
            assertThat(a.lesionCount()).isEqualTo(1);
            assertThat(a.record().er().isPositive()).isTrue();
            assertThat(notes(a))
                    .containsExactly("3 records are free text only (Condition/txt-" + id(liverText)
                            + ", Observation/obs-" + id(erText) + ", Observation/obs-" + id(noCode)
                            + ") and were not read: "
                            + "code them (SNOMED CT, ICD-10-CM or LOINC) for the assessment to use them.");
        }

        private String id(org.hl7.fhir.r4.model.Resource r) {
            String id = r.getIdElement().getIdPart();
            return id.substring(id.indexOf('-') + 1);
        }

        @Test
        void boneMarrowIsBoneSkinIsSkinAndUnsitedCodesAreOther() {
            var a = Vignettes.json(chart("codes", "2016-01-01")
                    .imaging("2021-03-01")
                    .metastasis("marrow", icd("C79.52"), "2021-03-01")
                    .metastasis("skin", icd("C79.2"), "2021-03-01")
                    .metastasis("unsited-icd", icd("C79.9"), "2021-03-01")
                    .metastasis("unsited-sct", sct("128462008"), "2021-03-01"));
            assertThat(a.sites()).containsExactly("bone", "other", "skin-soft-tissue");
            assertThat(a.lesionCount()).isEqualTo(4);
        }

        @Test
        void aConditionWithoutClinicalStatusIsCurrentUnlessAbated() {
            PatientBundle chart = chart("no-status", "2016-01-01").imaging("2021-03-01");
            Condition current = chart.condition("met", BONE, "2021-03-01", "active");
            current.setClinicalStatus(null);
            Condition abated = chart.condition("met", LIVER, "2019-01-01", "active");
            abated.setClinicalStatus(null);
            abated.setAbatement(new DateTimeType("2019-06-01"));
            var a = Vignettes.json(chart.add(current).add(abated));
            assertThat(a.sites()).containsExactly("bone");
            assertThat(a.estroEortcState()).isEqualTo("repeat-oligorecurrence");
        }

        @Test
        void pathologicalNIsLoinc21900AndThePathologicalTCategoryIsNotReadAsN() {
            var n = Vignettes.json(chart("pn1", "2016-01-01")
                    .nCategory("pN1a", "2016-01-10")
                    .metastasis("m1", BONE, "2021-03-01")
                    .imaging("2021-03-01"));
            assertThat(n.unfavorableFactors()).containsExactly("axillary-nodes-at-diagnosis");
            PatientBundle chart = chart("pt2", "2016-01-01")
                    .metastasis("m1", BONE, "2021-03-01")
                    .imaging("2021-03-01");
            Observation pt = chart.observation(code(PatientBundle.LOINC, "21899-0"), "2016-01-10");
            pt.setValue(new StringType("N1"));
            assertThat(Vignettes.json(chart.add(pt)).unfavorableFactors()).isEmpty();
        }
    }

    // -- receptors --------------------------------------------------------------------------------------------

    @Nested
    class Receptors {

        @Test
        void anEquivocalLatestResultMakesTheReceptorUnknownEvenAfterAnEarlierDefiniteOne() {
            PatientBundle chart = PatientBundle.patient("her2-equivocal-latest")
                    .primary("2016-01-01")
                    .luminal("2016-01-10")
                    .metastasis("m1", BONE, "2021-03-01")
                    .imaging("2021-03-01");
            Observation her2 = chart.observation(code(PatientBundle.LOINC, "48676-1"), "2021-03-05");
            her2.setValue(new CodeableConcept().setText("Equivocal (2+)"));
            var a = Vignettes.assess(chart.add(her2));
            assertThat(a.subtype()).isEqualTo(Subtype.UNKNOWN);
            assertThat(a.missingData()).containsExactly(MissingData.HER2_STATUS);
            assertThat(notes(a))
                    .contains("The latest HER2 result (of 2021-03-05) is equivocal or unreadable: HER2 "
                            + "status is unknown even though an earlier result was definite; record a positive or negative "
                            + "result (IHC 2+ needs an ISH result).");
        }

        @Test
        void aDefiniteResultAfterAnEquivocalOneWins() {
            PatientBundle chart = PatientBundle.patient("her2-resolved")
                    .primary("2016-01-01")
                    .er(true, "2016-01-10")
                    .pr(true, "2016-01-10")
                    .her2(false, "2016-02-20")
                    .metastasis("m1", BONE, "2021-03-01")
                    .imaging("2021-03-01");
            Observation her2 = chart.observation(code(PatientBundle.LOINC, "48676-1"), "2016-01-10");
            her2.setValue(new CodeableConcept().setText("Equivocal (2+)"));
            var a = Vignettes.assess(chart.add(her2));
            assertThat(a.subtype()).isEqualTo(Subtype.HR_POSITIVE_HER2_NEGATIVE);
            assertThat(a.missingData()).isEmpty();
        }

        @Test
        void undatedResultsCountOnlyWhenNothingIsDatedAndTheyAgree() {
            var a = Vignettes.assess(PatientBundle.patient("undated-er")
                    .primary("2016-01-01")
                    .er(true, null)
                    .er(false, null)
                    .pr(true, null)
                    .her2(false, null)
                    .metastasis("m1", BONE, "2021-03-01")
                    .imaging("2021-03-01"));
            assertThat(a.missingData()).containsExactly(MissingData.ER_STATUS);
            assertThat(a.subtype()).isEqualTo(Subtype.HR_POSITIVE_HER2_NEGATIVE);
        }
    }

    // -- ESTRO-EORTC timing -----------------------------------------------------------------------------------

    @Nested
    class EstroEortcTiming {

        /** Lung lesion 2017 resected; liver lesion 2021-01-01; letrozole since 2017. */
        private PatientBundle repeatOnTherapy(String id) {
            return EstroEortcStateVignettesTest.repeat(id).endocrineTherapy("2017-02-01", null);
        }

        @Test
        void aDiseaseStatusFromBeforeTheWindowDoesNotCountAndTheStateIsUnknown() {
            var a = Vignettes.json(repeatOnTherapy("status-old").progression(true, "2020-11-30"));
            assertThat(a.estroEortcState()).isNull();
            assertThat(a.missingData()).containsExactly("disease-status");
        }

        @Test
        void aDiseaseStatusFrom30DaysBeforeTheOmdDateCounts() {
            var a = Vignettes.json(repeatOnTherapy("status-window").progression(true, "2020-12-02"));
            assertThat(a.estroEortcState()).isEqualTo("repeat-oligoprogression");
            assertThat(a.missingData()).isEmpty();
        }

        @Test
        void theLatestStatusInTheWindowWins() {
            var a = Vignettes.json(repeatOnTherapy("status-latest")
                    .progression(true, "2021-01-05")
                    .progression(false, "2021-04-01"));
            assertThat(a.estroEortcState()).isEqualTo("repeat-oligopersistence");
        }

        @Test
        void inducedDiseaseOnTherapyWithoutAStatusIsUnknownWithDiseaseStatusMissing() {
            var a = Vignettes.json(EstroEortcStateVignettesTest.induced("ind-no-status")
                    .endocrineTherapy("2019-01-15", null)
                    .progression(true, "2019-02-01"));
            assertThat(a.estroEortcState())
                    .as("a status from the polymetastatic phase, before the window")
                    .isNull();
            assertThat(a.missingData()).containsExactly("disease-status");
        }

        @Test
        void therapyIsJudgedAtTheOmdDateForRepeatDisease() {
            var ended = Vignettes.json(EstroEortcStateVignettesTest.repeat("rep-ended")
                    .endocrineTherapy("2017-02-01", "2020-06-01")
                    .progression(true, "2021-01-05"));
            assertThat(ended.estroEortcState()).isEqualTo("repeat-oligorecurrence");
        }

        @Test
        void therapyThatMayOrMayNotCoverAMonthOnlyOmdDateLeavesTheStateUnknown() {
            var a = Vignettes.json(PatientBundle.patient("therapy-edge")
                    .primary("2016-01-01")
                    .luminal("2016-01-05")
                    .endocrineTherapy("2021-03-15", null)
                    .metastasis("m1", BONE, "2021-03")
                    .imaging("2021-03-20"));
            assertThat(a.estroEortcState()).isNull();
            assertThat(a.missingData()).containsExactly("metastasis-diagnosis-date");
        }
    }

    @Test
    void aDiseaseStatusValueSetAgreesWithTheMissingDataCode() {
        AssessmentJson a =
                Vignettes.json(EstroEortcStateVignettesTest.repeat("rep-none").endocrineTherapy("2017-02-01", null));
        assertThat(a.missingData()).containsExactly("disease-status");
        assertThat(a.knowledgeVersion()).isEqualTo(Vignettes.TERMINOLOGY.knowledgeVersion());
    }
}
