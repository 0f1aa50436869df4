package org.ombc.cds.chart.mapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.logic.ordersign.PlannedOrders;
import org.ombc.cds.logic.ordersign.TreatmentIntent;

/**
 * Reads the orders being signed ({@code context.draftOrders} of CDS Hooks {@code order-sign}) into
 * {@link PlannedOrders}, with the codes of our ValueSets (clinical-rules 9). Orders of other kinds are counted and
 * otherwise ignored: a service that does not know an order stays silent about it.
 */
public final class DraftOrderReader {

    /** mCODE STU3 treatment intent, on ServiceRequest (radiotherapy course) and Procedure. */
    public static final String MCODE_TREATMENT_INTENT =
            "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-treatment-intent";

    /** Statuses of an order that is no longer going to be signed and carried out. */
    private static final Set<ServiceRequest.ServiceRequestStatus> SERVICE_REQUEST_GONE = EnumSet.of(
            ServiceRequest.ServiceRequestStatus.ENTEREDINERROR,
            ServiceRequest.ServiceRequestStatus.REVOKED,
            ServiceRequest.ServiceRequestStatus.COMPLETED);

    private static final Set<MedicationRequest.MedicationRequestStatus> MEDICATION_REQUEST_GONE = EnumSet.of(
            MedicationRequest.MedicationRequestStatus.ENTEREDINERROR,
            MedicationRequest.MedicationRequestStatus.CANCELLED,
            MedicationRequest.MedicationRequestStatus.STOPPED,
            MedicationRequest.MedicationRequestStatus.COMPLETED);

    private final Terminology terminology;
    private final Map<String, String> agentNames = new HashMap<>();

    public DraftOrderReader(Terminology terminology) {
        this.terminology = terminology;
        // Clinical and branded drug codes of the expansion may carry no display; the card then names the code.
        for (Terminology.Concept concept : terminology.concepts(ValueSetId.SYSTEMIC_THERAPY)) {
            if (concept.display() != null && !concept.display().isBlank()) {
                agentNames.putIfAbsent(concept.code(), concept.display());
            }
        }
    }

    /**
     * What the draft orders plan: radiotherapy, systemic therapy, surgery.
     *
     * @param orders this patient's draft orders (the caller has left out those of anyone else)
     */
    public PlannedOrders read(List<? extends Resource> orders) {
        List<PlannedOrders.RadiotherapyOrder> radiotherapy = new ArrayList<>();
        List<PlannedOrders.SystemicOrder> systemic = new ArrayList<>();
        List<String> surgery = new ArrayList<>();
        int ignored = 0;
        for (Resource order : orders) {
            String reference = order.fhirType() + "/" + ResourceIds.idOf(order);
            if (order instanceof ServiceRequest request && !SERVICE_REQUEST_GONE.contains(request.getStatus())) {
                if (terminology.containsAny(ValueSetId.RADIOTHERAPY_ORDER, request.getCode())) {
                    radiotherapy.add(new PlannedOrders.RadiotherapyOrder(reference, intent(request)));
                    continue;
                }
                if (isSurgery(request.getCode())) {
                    surgery.add(reference);
                    continue;
                }
            } else if (order instanceof MedicationRequest request
                    && !MEDICATION_REQUEST_GONE.contains(request.getStatus())) {
                String agent = systemicAgent(request.getMedication());
                if (agent != null) {
                    systemic.add(new PlannedOrders.SystemicOrder(reference, agent));
                    continue;
                }
            } else if (order instanceof Procedure procedure
                    && procedure.getStatus() == Procedure.ProcedureStatus.PREPARATION
                    && isSurgery(procedure.getCode())) {
                // Not an order resource, but EHRs send planned operations as Procedures in preparation.
                surgery.add(reference);
                continue;
            }
            ignored++;
        }
        return new PlannedOrders(radiotherapy, systemic, surgery, ignored);
    }

    /**
     * The stated intent, from the mCODE treatment-intent extension, reasonCode and category alike. Palliative and
     * curative both stated, in one place or across them, is a contradiction read as unknown: it still prompts the
     * card, since only a clear curative intent makes the tumour-board question moot.
     */
    public TreatmentIntent intent(ServiceRequest request) {
        List<CodeableConcept> stated = new ArrayList<>(request.getReasonCode());
        stated.addAll(request.getCategory());
        for (Extension extension : request.getExtensionsByUrl(MCODE_TREATMENT_INTENT)) {
            if (extension.getValue() instanceof CodeableConcept value) {
                stated.add(value);
            }
        }
        return intent(stated);
    }

    private TreatmentIntent intent(List<CodeableConcept> concepts) {
        boolean palliative = terminology.containsAny(ValueSetId.TREATMENT_INTENT_PALLIATIVE, concepts);
        boolean curative = terminology.containsAny(ValueSetId.TREATMENT_INTENT_CURATIVE, concepts);
        if (palliative == curative) {
            return TreatmentIntent.UNKNOWN;
        }
        return palliative ? TreatmentIntent.PALLIATIVE : TreatmentIntent.CURATIVE;
    }

    private boolean isSurgery(CodeableConcept code) {
        return terminology.containsAny(ValueSetId.BREAST_SURGERY, code)
                || terminology.containsAny(ValueSetId.METASTASIS_SURGERY, code);
    }

    /**
     * The systemic anticancer agent an order names (ValueSet systemic-therapy), or null. The name is the one our
     * ValueSet publishes (else the code): text the sender wrote never reaches a card.
     */
    private @Nullable String systemicAgent(Type medication) {
        CodeableConcept concept = null;
        if (medication instanceof CodeableConcept c) {
            concept = c;
        } else if (medication instanceof Reference reference && reference.getResource() instanceof Medication m) {
            concept = m.getCode();
        }
        if (concept == null) {
            return null;
        }
        for (Coding coding : concept.getCoding()) {
            if (terminology.contains(ValueSetId.SYSTEMIC_THERAPY, coding)) {
                return agentNames.getOrDefault(
                        coding.getCode().trim(), coding.getCode().trim());
            }
        }
        return null;
    }
}
