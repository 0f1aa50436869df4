package org.ombc.cds.chart.mapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.DateInterval;

/**
 * The dates of one patient's record as intervals (clinical-rules 8, "Dates are intervals"): a date after today
 * (plus one day) is an error in the record, ignored and named in words that say which record holds it.
 */
final class RecordDates {

    private final Terminology terminology;
    private final LocalDate latestValid;
    private final @Nullable DateInterval birth;

    /**
     * @param latestValid the last day a recorded date may be
     * @param birth       the patient's birth date, which turns an age at onset into dates; null when unknown
     */
    RecordDates(Terminology terminology, LocalDate latestValid, @Nullable DateInterval birth) {
        this.terminology = terminology;
        this.latestValid = latestValid;
        this.birth = birth;
    }

    /**
     * A date after today (plus one day) is ignored and named (clinical-rules 8). A partial date that reaches into
     * the future ("2026" read in November 2026) ends today.
     */
    CheckedDate checked(@Nullable DateInterval date, Resource resource, String what) {
        if (date == null) {
            return CheckedDate.NONE;
        }
        if (date.after(latestValid)) {
            return new CheckedDate(
                    null,
                    describe(resource) + ": the " + what + " " + date + " lies in the future "
                            + "and was ignored; correct the date in the record.");
        }
        return new CheckedDate(date.endingBy(latestValid), null);
    }

    /**
     * onset[x] as an interval (onsetAge and onsetRange with the birth date); recordedDate only when the
     * Condition has no onset[x] at all: a later recordedDate says when it was typed in, not when it began.
     */
    CheckedDate onset(Condition condition) {
        if (!condition.hasOnset()) {
            return checked(FhirDates.of(condition.getRecordedDateElement()), condition, "recorded date");
        }
        Type onset = condition.getOnset();
        boolean age = onset instanceof Age || onset instanceof Range;
        DateInterval date = age ? FhirDates.ofAge(onset, birth) : FhirDates.start(onset);
        if (date == null) {
            return new CheckedDate(
                    null,
                    describe(condition) + ": the onset ("
                            + (onset instanceof StringType ? "text" : onset.fhirType()) + ") cannot be read as a date"
                            + (age ? " without the patient's birth date" : "") + "; record the onset date.");
        }
        return checked(date, condition, "onset");
    }

    /** abatement[x]: when a Condition stopped being active. */
    CheckedDate abatement(Condition condition) {
        return checked(FhirDates.end(condition.getAbatement()), condition, "abatement date");
    }

    /** effective[x], else the issued instant. */
    CheckedDate effective(Observation observation) {
        DateInterval date = observation.hasEffective()
                ? FhirDates.start(observation.getEffective())
                : FhirDates.of(observation.getIssuedElement());
        return checked(date, observation, "date");
    }

    private String describe(Resource resource) {
        String ref = resource.fhirType() + "/" + ResourceIds.idOf(resource);
        if (resource instanceof Condition c) {
            if (terminology.containsAny(ValueSetId.PRIMARY_BREAST_CANCER, c.getCode())) {
                return "Breast cancer (" + ref + ")";
            }
            if (terminology.containsAny(ValueSetId.METASTASIS, c.getCode())) {
                return "Metastasis (" + ref + ")";
            }
        }
        if (resource instanceof Observation o) {
            for (var entry : List.of(
                    Map.entry(ValueSetId.ER_TEST, "ER result"),
                    Map.entry(ValueSetId.PR_TEST, "PR result"),
                    Map.entry(ValueSetId.HER2_TEST, "HER2 result"),
                    Map.entry(ValueSetId.N_CATEGORY, "N category"),
                    Map.entry(ValueSetId.DISEASE_STATUS, "Disease status"))) {
                if (terminology.containsAny(entry.getKey(), o.getCode())) {
                    return entry.getValue() + " (" + ref + ")";
                }
            }
        }
        if (resource instanceof MedicationStatement || resource instanceof MedicationRequest) {
            return "Systemic therapy (" + ref + ")";
        }
        if (resource instanceof Procedure) {
            return "Breast surgery (" + ref + ")";
        }
        if (resource instanceof DiagnosticReport || resource instanceof ImagingStudy) {
            return "Imaging (" + ref + ")";
        }
        return ref;
    }
}
