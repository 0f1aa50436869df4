package org.ombc.cds.knowledge.terminologyserver;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * The codings of a chart that the mapper reads with a concept family (clinical-rules 1 and 10): Condition code and
 * bodySite, Observation code and coded value, the medication of a MedicationRequest or MedicationStatement (also a
 * contained Medication) and Medication resources the chart holds. In chart order.
 */
final class ChartCodings {

    /** One coding and where it was met. */
    record Found(ChartElement element, Coding coding) {}

    private ChartCodings() {}

    static List<Found> of(List<? extends IBaseResource> chart) {
        List<Found> found = new ArrayList<>();
        for (IBaseResource resource : chart) {
            if (resource instanceof Condition condition) {
                add(found, ChartElement.CONDITION_CODE, condition.getCode());
                condition.getBodySite().forEach(site -> add(found, ChartElement.CONDITION_BODY_SITE, site));
            } else if (resource instanceof Observation observation) {
                add(found, ChartElement.OBSERVATION_CODE, observation.getCode());
                if (observation.hasValueCodeableConcept()) {
                    add(found, ChartElement.OBSERVATION_VALUE, observation.getValueCodeableConcept());
                }
            } else if (resource instanceof MedicationRequest request) {
                if (request.hasMedicationCodeableConcept()) {
                    add(found, ChartElement.MEDICATION, request.getMedicationCodeableConcept());
                }
                addContained(found, request);
            } else if (resource instanceof MedicationStatement statement) {
                if (statement.hasMedicationCodeableConcept()) {
                    add(found, ChartElement.MEDICATION, statement.getMedicationCodeableConcept());
                }
                addContained(found, statement);
            } else if (resource instanceof Medication medication) {
                add(found, ChartElement.MEDICATION, medication.getCode());
            }
        }
        return found;
    }

    private static void addContained(List<Found> found, DomainResource resource) {
        for (Resource contained : resource.getContained()) {
            if (contained instanceof Medication medication) {
                add(found, ChartElement.MEDICATION, medication.getCode());
            }
        }
    }

    private static void add(List<Found> found, ChartElement element, CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (coding.hasSystem() && coding.hasCode() && !coding.getCode().isBlank()) {
                found.add(new Found(element, coding));
            }
        }
    }
}
