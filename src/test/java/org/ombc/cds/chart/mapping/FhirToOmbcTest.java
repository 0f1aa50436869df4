package org.ombc.cds.chart.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.LOINC;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.support.Vignettes;

/** The facade: resources sorted out to the readers, read once, their notes in one fixed order (clinical-rules 8). */
class FhirToOmbcTest {

    private final FhirToOmbc mapper = new FhirToOmbc(Vignettes.TERMINOLOGY, Vignettes.CLOCK);

    @Test
    void theSameResourceSentTwiceIsReadOnceAndVoidRecordsAreDropped() {
        PatientBundle chart = PatientBundle.patient("p")
                .primary("2015-01-01")
                .metastasis("m1", sct("94222008"), "2020-01-01")
                .er(true, "2015-01-05");
        Condition refuted = chart.condition("r", sct("94381002"), "2020-01-01", "active");
        refuted.setVerificationStatus(
                code("http://terminology.hl7.org/CodeSystem/condition-ver-status", "entered-in-error"));
        Observation cancelled = chart.observation(code(LOINC, "16112-5"), "2021-01-01")
                .setStatus(Observation.ObservationStatus.CANCELLED);
        cancelled.setValue(sct("260385009"));
        List<Resource> resources = new ArrayList<>(chart.resources());
        resources.addAll(List.of(resources.get(2), refuted, cancelled));
        OmbcRecord record = mapper.map(resources);
        assertThat(record.patientId()).isEqualTo("p");
        assertThat(record.lesions()).extracting(Lesion::conditionId).containsExactly("m1");
        assertThat(record.er().isPositive()).isTrue();
        assertThat(record.notes()).isEmpty();
    }

    @Test
    void withoutAPatientThereIsNoPatientIdAndWithoutABreastCancerNoPrimary() {
        OmbcRecord record = mapper.map(List.of());
        assertThat(record.patientId()).isNull();
        assertThat(record.hasBreastCancer()).isFalse();
    }

    @Test
    void freeTextRecordsAreCountedAndAtMostFiveNamed() {
        PatientBundle chart = PatientBundle.patient("p");
        for (int i = 0; i < 6; i++) {
            chart.add(chart.condition("t" + i, new CodeableConcept().setText("bone mets"), null, "active"));
        }
        assertThat(mapper.map(chart.resources()).notes())
                .containsExactly("6 records are free text only "
                        + "(Condition/t0-1, Condition/t1-2, Condition/t2-3, Condition/t3-4, Condition/t4-5, ...) and were not "
                        + "read: code them (SNOMED CT, ICD-10-CM or LOINC) for the assessment to use them.");
        PatientBundle one = PatientBundle.patient("q");
        one.add(one.observation(new CodeableConcept().setText("ER strongly positive"), "2020-01-01"));
        assertThat(mapper.map(one.resources()).notes())
                .containsExactly("1 record is free text only "
                        + "(Observation/obs-1) and was not read: code it (SNOMED CT, ICD-10-CM or LOINC) for the assessment "
                        + "to use it.");
    }

    @Test
    void notesFollowTheReadersInOneOrderWhateverTheOrderOfTheResources() {
        String future = "2027-01-01";
        PatientBundle chart = PatientBundle.patient("p")
                .progression(true, future)
                .nCategory("pN0", future)
                .er(true, future)
                .metastasis("m1", sct("94222008"), future)
                .lesionCount("m1", 0)
                .primary(future)
                .mastectomy(future)
                .imaging(future)
                .endocrineTherapy(future, null);
        chart.add(chart.condition("t", new CodeableConcept().setText("liver mets"), null, "active"));
        List<String> notes = mapper.map(chart.resources()).notes();
        assertThat(notes).hasSize(10);
        assertThat(notes.get(0)).startsWith("Imaging (DiagnosticReport/");
        assertThat(notes.get(1)).startsWith("Systemic therapy (MedicationStatement/");
        assertThat(notes.get(2)).startsWith("Breast surgery (Procedure/");
        assertThat(notes.get(3)).startsWith("Breast cancer (Condition/");
        assertThat(notes.get(4)).startsWith("Lesion count (Observation/");
        assertThat(notes.get(5)).startsWith("Metastasis (Condition/m1)");
        assertThat(notes.get(6)).startsWith("ER result (Observation/");
        assertThat(notes.get(7)).startsWith("N category (Observation/");
        assertThat(notes.get(8)).startsWith("Disease status (Observation/");
        assertThat(notes.get(9)).startsWith("1 record is free text only (Condition/t-");
    }
}
