package org.ombc.cds.logic.ordersign;

import java.util.List;

/**
 * What the orders being signed plan, read from {@code context.draftOrders}: plain values, so the rules never see
 * a FHIR resource. A planned order is never treatment given: none of this enters the patient's record.
 *
 * @param radiotherapy radiotherapy orders, each with its stated intent
 * @param systemic     systemic anticancer therapy orders (the agents of clinical-rules 1)
 * @param surgery      orders of breast or metastasis surgery, or ablation
 * @param ignored      orders of other kinds, or not for this patient (missing, Group or identifier-only subject),
 *                     or no longer to be signed (cancelled, entered in error): not read
 */
public record PlannedOrders(
        List<RadiotherapyOrder> radiotherapy, List<SystemicOrder> systemic, List<String> surgery, int ignored) {

    public PlannedOrders {
        radiotherapy = List.copyOf(radiotherapy);
        systemic = List.copyOf(systemic);
        surgery = List.copyOf(surgery);
    }

    /**
     * A planned course of radiotherapy.
     *
     * @param reference the order as "ServiceRequest/id"
     */
    public record RadiotherapyOrder(String reference, TreatmentIntent intent) {}

    /**
     * A planned systemic therapy.
     *
     * @param agent the agent's display or code, as the order names it
     */
    public record SystemicOrder(String reference, String agent) {}

    /** Local treatment of disease is planned: radiotherapy of any intent, or surgery. */
    public boolean plansLocalTreatment() {
        return !radiotherapy.isEmpty() || !surgery.isEmpty();
    }
}
