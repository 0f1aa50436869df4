package org.ombc.cds.chart.mapping;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.TherapyPeriod;

/**
 * Reads periods of systemic anticancer therapy (clinical-rules 1): MedicationStatement.effective[x];
 * MedicationRequest dosage boundsPeriod or dispenseRequest.validityPeriod, else from authoredOn onward; an open
 * end while the status is active is ongoing. The planned end of a period may lie in the future (clinical-rules 8).
 */
final class TherapyReader {

    private final Terminology terminology;
    private final RecordDates dates;
    private final AgentNames agentNames;
    private final Map<String, Medication> medications;

    TherapyReader(Terminology terminology, RecordDates dates, AgentNames agentNames) {
        this(terminology, dates, agentNames, Map.of());
    }

    /** @param medications the chart's Medication resources by id, for medicationReference */
    TherapyReader(
            Terminology terminology, RecordDates dates, AgentNames agentNames, Map<String, Medication> medications) {
        this.terminology = terminology;
        this.dates = dates;
        this.agentNames = agentNames;
        this.medications = medications;
    }

    /** Empty when the statement is not of a systemic agent, was entered in error or the drug not taken. */
    Read<Optional<TherapyPeriod>> read(MedicationStatement statement) {
        MedicationStatement.MedicationStatementStatus status = statement.getStatus();
        if (status == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR
                || status == MedicationStatement.MedicationStatementStatus.NOTTAKEN) {
            return Read.of(Optional.empty());
        }
        Notes notes = new Notes();
        String agent = systemicAgent(
                statement.getMedication(), statement, "MedicationStatement/" + ResourceIds.idOf(statement), notes);
        if (agent == null) {
            return notes.with(Optional.empty());
        }
        boolean active = status == MedicationStatement.MedicationStatementStatus.ACTIVE;
        Type effective = statement.getEffective();
        DateInterval start = notes.take(dates.checked(FhirDates.start(effective), statement, "start date"));
        DateInterval end =
                effective instanceof Period p && p.hasEnd() ? FhirDates.of(p.getEndElement()) : active ? null : start;
        return notes.with(Optional.of(new TherapyPeriod(agent, start, end)));
    }

    /** Empty when the request is not for a systemic agent, or was entered in error, cancelled or a draft. */
    Read<Optional<TherapyPeriod>> read(MedicationRequest request) {
        MedicationRequest.MedicationRequestStatus status = request.getStatus();
        if (status == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR
                || status == MedicationRequest.MedicationRequestStatus.CANCELLED
                || status == MedicationRequest.MedicationRequestStatus.DRAFT) {
            return Read.of(Optional.empty());
        }
        Notes notes = new Notes();
        String agent = systemicAgent(
                request.getMedication(), request, "MedicationRequest/" + ResourceIds.idOf(request), notes);
        if (agent == null) {
            return notes.with(Optional.empty());
        }
        boolean active = status == MedicationRequest.MedicationRequestStatus.ACTIVE;
        Period period = plannedPeriod(request);
        DateInterval start = notes.take(dates.checked(
                period != null && period.hasStart()
                        ? FhirDates.of(period.getStartElement())
                        : FhirDates.of(request.getAuthoredOnElement()),
                request,
                "start date"));
        DateInterval end =
                period != null && period.hasEnd() ? FhirDates.of(period.getEndElement()) : active ? null : start;
        return notes.with(Optional.of(new TherapyPeriod(agent, start, end)));
    }

    /** A medicationReference: resolved by the parser, contained in the resource, or a Medication of the chart. */
    private @Nullable Medication resolve(Reference reference, DomainResource owner) {
        if (reference.getResource() instanceof Medication m) {
            return m;
        }
        String target = reference.getReference();
        if (target != null && target.startsWith("#")) {
            for (org.hl7.fhir.r4.model.Resource contained : owner.getContained()) {
                if (contained instanceof Medication m
                        && target.substring(1).equals(m.getIdElement().getIdPart())) {
                    return m;
                }
            }
            return null;
        }
        String id = ResourceIds.referencedId(reference);
        return id == null ? null : medications.get(id);
    }

    /** The first dosage boundsPeriod, else the dispense validity period; null when the request has neither. */
    private static @Nullable Period plannedPeriod(MedicationRequest request) {
        for (Dosage dosage : request.getDosageInstruction()) {
            if (dosage.getTiming().getRepeat().getBounds() instanceof Period bounds) {
                return bounds;
            }
        }
        return request.getDispenseRequest().hasValidityPeriod()
                ? request.getDispenseRequest().getValidityPeriod()
                : null;
    }

    /**
     * The agent's display (else code, else text) when the medication is a systemic therapy; else null. A code the
     * service does not hold whose display or text names a listed agent as a word counts, and is named on the
     * data-quality card (clinical-rules 10); one that looks like an anticancer agent but names none is only named.
     */
    private @Nullable String systemicAgent(Type medication, DomainResource owner, String record, Notes notes) {
        CodeableConcept concept = null;
        if (medication instanceof CodeableConcept c) {
            concept = c;
        } else if (medication instanceof Reference reference) {
            Medication m = resolve(reference, owner);
            concept = m == null ? null : m.getCode();
        }
        if (concept == null) {
            return null;
        }
        if (!terminology.containsAny(ValueSetId.SYSTEMIC_THERAPY, concept)) {
            String named = agentNames.namedIn(concept);
            if (named != null) {
                notes.add("A medication (" + record + ", " + Codings.describe(concept) + ") has a code the service "
                        + "does not know and was read as " + named + " by its name; code it (RxNorm or ATC) so that "
                        + "it is read by its code.");
                return named;
            }
            if (AgentNames.looksLikeAnticancer(concept)) {
                notes.add("A medication (" + record + ", " + Codings.describe(concept) + ") looks like an anticancer "
                        + "agent but its code is not one the service knows: it was not read; code it (RxNorm or ATC).");
            }
            return null;
        }
        for (Coding coding : concept.getCoding()) {
            if (terminology.contains(ValueSetId.SYSTEMIC_THERAPY, coding)) {
                return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
            }
        }
        return concept.getText();
    }
}
