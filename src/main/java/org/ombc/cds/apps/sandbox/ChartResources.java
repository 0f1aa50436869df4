package org.ombc.cds.apps.sandbox;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/**
 * The FHIR resources of one synthetic chart, put together as an EHR sends them: an id unique within the chart, the
 * patient as subject, a status and a date. Which codes they carry is {@link PatientBundle}'s to say.
 */
final class ChartResources {

    private final String patientId;
    private int next = 1;

    ChartResources(String patientId) {
        this.patientId = patientId;
    }

    /** {@code prefix-n}, n counting up across the chart. */
    String nextId(String prefix) {
        return prefix + "-" + next++;
    }

    Condition condition(String prefix, CodeableConcept code, @Nullable String onset, CodeableConcept clinicalStatus) {
        Condition c = new Condition();
        c.setId(nextId(prefix));
        c.setClinicalStatus(clinicalStatus);
        c.setCode(code);
        c.setSubject(subject());
        if (onset != null) {
            c.setOnset(new DateTimeType(onset));
        }
        return c;
    }

    Observation observation(CodeableConcept code, @Nullable String date) {
        Observation o = new Observation();
        o.setId(nextId("obs"));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(code);
        o.setSubject(subject());
        if (date != null) {
            o.setEffective(new DateTimeType(date));
        }
        return o;
    }

    /** Taken from {@code start} to {@code end} (null: ongoing, status active). */
    MedicationStatement statement(CodeableConcept medication, String start, @Nullable String end) {
        MedicationStatement m = new MedicationStatement();
        m.setId(nextId("ms"));
        m.setStatus(
                end == null
                        ? MedicationStatement.MedicationStatementStatus.ACTIVE
                        : MedicationStatement.MedicationStatementStatus.COMPLETED);
        m.setMedication(medication);
        m.setSubject(subject());
        Period p = new Period().setStartElement(new DateTimeType(start));
        if (end != null) {
            p.setEndElement(new DateTimeType(end));
        }
        m.setEffective(p);
        return m;
    }

    /** An active order authored on {@code authored}, no end. */
    MedicationRequest order(CodeableConcept medication, String authored) {
        MedicationRequest m = new MedicationRequest();
        m.setId(nextId("mr"));
        m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(medication);
        m.setSubject(subject());
        m.setAuthoredOnElement(new DateTimeType(authored));
        return m;
    }

    /** A completed procedure performed on {@code date}. */
    Procedure procedure(CodeableConcept code, String date) {
        Procedure p = new Procedure();
        p.setId(nextId("proc"));
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setCode(code);
        p.setSubject(subject());
        p.setPerformed(new DateTimeType(date));
        return p;
    }

    /** A final report of {@code date}. */
    DiagnosticReport report(CodeableConcept category, CodeableConcept code, String date) {
        DiagnosticReport r = new DiagnosticReport();
        r.setId(nextId("dr"));
        r.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        r.addCategory(category);
        r.setCode(code);
        r.setSubject(subject());
        r.setEffective(new DateTimeType(date));
        return r;
    }

    private Reference subject() {
        return new Reference("Patient/" + patientId);
    }
}
