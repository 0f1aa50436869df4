package org.ombc.cds.support;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.chart.mapping.DraftOrderReader;

/** The orders of an order-sign call ({@code context.draftOrders}), written as EHRs send them: status draft. */
public final class DraftOrders {

    public static final String PALLIATIVE = "363676003";
    public static final String CURATIVE = "373808002";

    private final String patientId;
    private final List<Resource> orders = new ArrayList<>();

    private DraftOrders(String patientId) {
        this.patientId = patientId;
    }

    public static DraftOrders forPatient(String patientId) {
        return new DraftOrders(patientId);
    }

    /** Palliative radiotherapy, intent in the mCODE treatment-intent extension. */
    public DraftOrders palliativeRadiotherapy(String id) {
        ServiceRequest rt = radiotherapy(id, "1217123003");
        rt.addExtension(DraftOrderReader.MCODE_TREATMENT_INTENT, PatientBundle.sct(PALLIATIVE));
        return add(rt);
    }

    /** SABR with curative intent stated as a reasonCode. */
    public DraftOrders curativeSabr(String id) {
        ServiceRequest rt = radiotherapy(id, "1217123003");
        rt.addReasonCode(PatientBundle.sct(CURATIVE));
        rt.getCode().setText("SABR, 3 fractions");
        return add(rt);
    }

    /** Teleradiotherapy with no intent stated anywhere. */
    public DraftOrders radiotherapyWithoutIntent(String id) {
        return add(radiotherapy(id, "33195004"));
    }

    /** Radiotherapy whose intent is a category coding. */
    public DraftOrders radiotherapyWithCategory(String id, String intentCode) {
        ServiceRequest rt = radiotherapy(id, "108290001");
        rt.addCategory(PatientBundle.sct(intentCode));
        return add(rt);
    }

    /** A draft systemic-therapy MedicationRequest (RxNorm ingredient). */
    public DraftOrders systemicTherapy(String id, String rxnorm) {
        MedicationRequest request = new MedicationRequest();
        request.setId(id);
        request.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(new CodeableConcept(new Coding(PatientBundle.RXNORM, rxnorm, "sender's own name")));
        request.setSubject(new Reference("Patient/" + patientId));
        request.setAuthoredOnElement(new DateTimeType("2026-11-27"));
        return add(request);
    }

    /** A draft laboratory order: not a treatment, to be ignored. */
    public DraftOrders labOrder(String id) {
        ServiceRequest lab = order(id);
        lab.setCode(PatientBundle.code(PatientBundle.LOINC, "2039-6"));
        return add(lab);
    }

    /** An order whose subject names another patient. */
    public DraftOrders forAnotherPatient(String id, String otherPatientId) {
        ServiceRequest rt = radiotherapy(id, "1217123003");
        rt.setSubject(new Reference("Patient/" + otherPatientId));
        return add(rt);
    }

    public DraftOrders add(Resource order) {
        orders.add(order);
        return this;
    }

    public List<Resource> resources() {
        return List.copyOf(orders);
    }

    public Bundle bundle() {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        for (Resource order : orders) {
            bundle.addEntry().setResource(order);
        }
        return bundle;
    }

    private ServiceRequest radiotherapy(String id, String snomed) {
        ServiceRequest rt = order(id);
        rt.setCode(PatientBundle.sct(snomed));
        return rt;
    }

    private ServiceRequest order(String id) {
        ServiceRequest request = new ServiceRequest();
        request.setId(id);
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setSubject(new Reference("Patient/" + patientId));
        return request;
    }
}
