package org.ombc.cds.chart.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.apps.assessment.AssessmentController;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.sandbox.SyntheticPatients;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.support.Charts;
import org.ombc.cds.support.Fetchers;
import org.ombc.cds.support.Subjects;
import org.ombc.cds.support.Vignettes;
import org.ombc.cds.web.ApiProblem;

/**
 * Whose data (clinical-rules 8): only records whose subject names this patient count, on the hook prefetch and
 * on {@code /ombc/assessment} alike; the others are left out and named on the data-quality card.
 */
class WhoseDataTest {

    private static final FhirFetcher OFFLINE = Fetchers.offline();
    private static final AssessmentController API = new AssessmentController(
            Vignettes.FHIR, new org.ombc.cds.chart.ChartAssessment(null, Charts.MAPPER, Charts.ASSESSOR));

    /** Oligometastatic, two bone lesions: another patient's liver lesions would make it polymetastatic. */
    private static PatientBundle chart() {
        return PatientBundle.patient("p1")
                .primary("2018-01-01")
                .luminal("2018-01-05")
                .imaging("2022-06-01")
                .boneLesions(2, "2022-06-01");
    }

    /** Another patient's chart: four liver lesions, triple negative, a mastectomy, letrozole. */
    private static PatientBundle otherChart() {
        return PatientBundle.patient("other")
                .primary("2015-01-01")
                .tripleNegative("2015-02-01")
                .mastectomy("2015-03-01")
                .endocrineTherapy("2015-04-01", null)
                .metastasis("liver-1", PatientBundle.sct("94381002"), "2023-01-01")
                .metastasis("liver-2", PatientBundle.sct("94381002"), "2023-01-01")
                .metastasis("liver-3", PatientBundle.sct("94381002"), "2023-01-01")
                .metastasis("liver-4", PatientBundle.sct("94381002"), "2023-01-01");
    }

    private static AssessmentJson viaApi(List<Resource> resources) {
        return API.assess(Vignettes.FHIR.encode(PatientBundle.bundleOf(resources)));
    }

    private static Charts.Hook viaHook(List<Resource> resources) {
        return Charts.hook(OFFLINE, "p1", Charts.prefetch(resources), Charts.SERVER);
    }

    static List<Subjects.Form> foreignForms() {
        return Subjects.foreign();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignForms")
    void anotherPatientsOrNobodysRecordsAreLeftOutOnEveryPath(Subjects.Form form) {
        List<Resource> own = chart().resources();
        List<Resource> mixed = new ArrayList<>(own);
        mixed.addAll(Subjects.foreignRecords(otherChart().resources(), "other", form));

        assertThat(viaApi(mixed)).isEqualTo(viaApi(own));
        assertThat(viaApi(own).lesionCount()).isEqualTo(2);
        Charts.Hook hook = viaHook(mixed);
        assertThat(AssessmentJson.of(hook.assessment())).isEqualTo(viaApi(own));
        assertThat(hook.data().problems()).as("named for the clinician").hasSize(1);
        assertThat(hook.data().problems().get(0))
                .startsWith("10 records (5 Condition, 1 MedicationStatement, 3 Observation, 1 Procedure)")
                .contains("left out");
    }

    @Test
    void theCardSaysHowManyRecordsWereLeftOutAndWhy() {
        List<Resource> mixed = new ArrayList<>(chart().resources());
        List<Resource> other = otherChart().resources();
        mixed.add(Subjects.withSubject(other.get(1), "x-1", new Reference("Patient/other")));
        mixed.add(Subjects.withSubject(other.get(other.size() - 1), "x-2", new Reference("Group/g")));
        mixed.add(Subjects.withSubject(other.get(3), "x-3", null));
        Charts.Hook hook = viaHook(mixed);
        assertThat(hook.data().problems())
                .containsExactly(
                        "1 record (1 Condition) belongs to another patient and was left out.",
                        "2 records (1 Condition, 1 Observation) name no patient (no subject, a group, or the patient only by "
                                + "identifier or name) and were left out: link them to this patient's record to have them "
                                + "counted.");
        assertThat(hook.cards()).hasSize(2);
        assertThat(hook.cards().get(1).detail()).contains("belongs to another patient");
    }

    /**
     * A version id is one segment: "_history/1/../../Patient/other" climbs to another patient. Written into the JSON
     * text, as a client sends it (HAPI's encoder would strip the version from a Reference built in code).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "Patient/p1/_history/1/../../Patient/other",
                "Patient/p1/_history/a/b",
                "Patient/p1/_history/..",
                "Patient/p1/_history/%2e%2e",
                "Patient/p1/_history/1?x"
            })
    void aHistoryReferenceThatIsNotOneVersionOfThisPatientIsLeftOut(String reference) {
        List<Resource> mixed = new ArrayList<>(chart().resources());
        mixed.addAll(Subjects.foreignRecords(
                otherChart().resources(), "other", Subjects.foreign().get(0)));
        String json = Vignettes.FHIR
                .encode(PatientBundle.bundleOf(mixed))
                .replace("\"Patient/other\"", "\"" + reference + "\"");
        assertThat(json).contains(reference);
        assertThat(API.assess(json)).isEqualTo(viaApi(chart().resources()));
    }

    /** Each way of naming this patient that the rules accept: the record counts. */
    @Test
    void everyAcceptedFormOfThisPatientCounts() {
        List<Resource> own = chart().resources();
        AssessmentJson expected = viaApi(own);
        for (String reference : List.of("Patient/p1", "Patient/p1/_history/3", Charts.SERVER + "/Patient/p1")) {
            List<Resource> restated = restate(own, new Reference(reference));
            assertThat(viaApi(restated)).as(reference).isEqualTo(expected);
            assertThat(AssessmentJson.of(viaHook(restated).assessment()))
                    .as(reference)
                    .isEqualTo(expected);
            assertThat(viaHook(restated).data().problems()).as(reference).isEmpty();
        }
        // The fullUrl of the Patient entry, an absolute URL on a server other than fhirServer, or a urn:uuid.
        for (String fullUrl :
                List.of("https://other-base.example/R4/Patient/p1", "urn:uuid:0f3c0e0a-8f63-4a5e-9f57-6b1c2d3e4f50")) {
            List<Resource> restated = restate(own, new Reference(fullUrl));
            Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
            for (Resource r : restated) {
                bundle.addEntry()
                        .setFullUrl(r instanceof Patient ? fullUrl : "urn:uuid:" + java.util.UUID.randomUUID())
                        .setResource(r);
            }
            assertThat(API.assess(Vignettes.FHIR.encode(bundle))).as(fullUrl).isEqualTo(expected);
            // On the hook, the Patient entry comes with a search (_include): its fullUrl names the patient.
            var prefetch = Charts.prefetch(restated);
            Bundle conditions =
                    (Bundle) Vignettes.FHIR.parse(prefetch.get("conditions").toString());
            conditions
                    .addEntry()
                    .setFullUrl(fullUrl)
                    .setResource(own.get(0).copy())
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.INCLUDE);
            prefetch.put("conditions", Charts.node(Vignettes.FHIR.encode(conditions)));
            Charts.Hook hook;
            try {
                hook = Charts.hook(OFFLINE, "p1", prefetch, null);
            } catch (RuntimeException e) {
                throw new AssertionError(fullUrl + " " + prefetch.get("conditions"), e);
            }
            assertThat(AssessmentJson.of(hook.assessment())).as(fullUrl).isEqualTo(expected);
            assertThat(hook.data().problems()).isEmpty();
        }
    }

    @Test
    void aBundleWithTwoDifferentPatientsIsRefusedOnTheAssessmentApi() {
        List<Resource> mixed = new ArrayList<>(chart().resources());
        mixed.addAll(otherChart().resources());
        assertThatThrownBy(() -> viaApi(mixed))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("2 different Patients");
        List<Resource> twice = new ArrayList<>(chart().resources());
        twice.add(chart().resources().get(0));
        assertThat(viaApi(twice)).as("the same Patient twice is one patient").isEqualTo(viaApi(chart().resources()));
    }

    @Test
    void aPrefetchPatientOtherThanTheContextPatientIsRefused() {
        var prefetch = Charts.prefetch(otherChart().resources());
        assertThatThrownBy(() -> Charts.hook(OFFLINE, "p1", prefetch, null))
                .isInstanceOf(InvalidPrefetchException.class);
    }

    private static List<Resource> restate(List<Resource> resources, Reference subject) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : resources) {
            out.add(
                    r instanceof Patient
                            ? r
                            : Subjects.withSubject(r, r.getIdElement().getIdPart(), subject.copy()));
        }
        return out;
    }

    @Provide
    Arbitrary<Subjects.Form> forms() {
        return Arbitraries.of(Subjects.foreign());
    }

    /** Adding another patient's records, in any reference form, never changes the assessment (issue 12). */
    @Property(tries = 60)
    void anotherPatientsRecordsNeverChangeTheAssessment(@ForAll("forms") Subjects.Form form, @ForAll long seed) {
        Random random = new Random(seed);
        PatientBundle own = SyntheticPatients.randomChart(random, random.nextInt(8));
        PatientBundle other = SyntheticPatients.randomChart(random, random.nextInt(8));
        List<Resource> mine = new ArrayList<>(own.resources());
        List<Resource> mixed = new ArrayList<>(mine);
        mixed.addAll(Subjects.foreignRecords(other.resources(), other.patientId(), form));
        java.util.Collections.shuffle(mixed, random);

        AssessmentJson expected = viaApi(mine);
        assertThat(API.assess(Vignettes.FHIR.encode(PatientBundle.bundleOf(mixed))))
                .isEqualTo(expected);
        Charts.Hook hook = Charts.hook(OFFLINE, own.patientId(), Charts.prefetch(mixed), Charts.SERVER);
        assertThat(AssessmentJson.of(hook.assessment())).isEqualTo(expected);
    }
}
