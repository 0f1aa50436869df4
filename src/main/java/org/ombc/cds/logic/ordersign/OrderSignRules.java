package org.ombc.cds.logic.ordersign;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.ordersign.OrderSignAdvice.Kind;
import org.ombc.cds.logic.ordersign.PlannedOrders.RadiotherapyOrder;
import org.ombc.cds.logic.ordersign.PlannedOrders.SystemicOrder;

/**
 * clinical-rules 9: the moment an order is signed. A pure function of the patient-view assessment of the chart,
 * the orders being signed and today's date.
 *
 * <p>The review (Merloni et al. 2023) notes that local treatment of metastases "is often considered for palliative
 * purposes rather than curative intent": the decisive moment is the signature of palliative radiotherapy, or of
 * systemic therapy alone, for a patient who is oligometastatic.
 */
public final class OrderSignRules {

    /** "Newly" oligometastatic: the OMD diagnosis date lies within this many days before today. */
    public static final int NEW_DISEASE_DAYS = 90;

    private OrderSignRules() {}

    public static OrderSignAdvice advise(Assessment assessment, PlannedOrders orders, LocalDate today) {
        // Polymetastatic, indeterminate (count unknown) or non-metastatic: silence. The patient-view card already
        // speaks about the chart; at the moment of ordering only a confident "oligometastatic" is worth a card.
        if (!assessment.breastCancer()
                || !assessment.metastatic()
                || assessment.oligometastatic() != OligometastaticState.YES) {
            return OrderSignAdvice.none();
        }
        List<RadiotherapyOrder> notCurative = radiotherapyWithoutCurativeIntent(orders);
        if (!notCurative.isEmpty()) {
            List<String> facts = chartFacts(assessment);
            for (RadiotherapyOrder order : notCurative) {
                facts.add(
                        order.intent() == TreatmentIntent.PALLIATIVE
                                ? "radiotherapy ordered with palliative intent"
                                : "radiotherapy ordered without a stated intent");
            }
            return new OrderSignAdvice(
                    Kind.PALLIATIVE_RADIOTHERAPY,
                    notCurative.stream()
                            .map(RadiotherapyOrder::reference)
                            .distinct()
                            .toList(),
                    dedupe(facts));
        }
        LocalDate omd = assessment.burden().omdDate();
        if (omd != null && systemicTherapyAlone(orders) && newlyOligometastatic(omd, today)) {
            List<String> facts = chartFacts(assessment);
            facts.add("oligometastatic disease diagnosed " + ChronoUnit.DAYS.between(omd, today) + " days ago (" + omd
                    + ")");
            facts.add("systemic therapy ordered ("
                    + String.join(
                            ", ",
                            orders.systemic().stream()
                                    .map(SystemicOrder::agent)
                                    .distinct()
                                    .toList())
                    + ") with no radiotherapy or surgery planned");
            return new OrderSignAdvice(
                    Kind.SYSTEMIC_THERAPY_ALONE,
                    orders.systemic().stream()
                            .map(SystemicOrder::reference)
                            .distinct()
                            .toList(),
                    facts);
        }
        return OrderSignAdvice.none();
    }

    /**
     * Radiotherapy ordered as palliative, or with no intent stated (an unstated intent is not a decision for cure).
     * When any radiotherapy order of the same signature states curative intent, the curative option has been
     * taken up, so none is returned: the review's concern is answered (decision recorded in docs/integration.md,
     * Order-sign).
     */
    static List<RadiotherapyOrder> radiotherapyWithoutCurativeIntent(PlannedOrders orders) {
        boolean curativePlanned = orders.radiotherapy().stream().anyMatch(o -> o.intent() == TreatmentIntent.CURATIVE);
        if (curativePlanned) {
            return List.of();
        }
        return orders.radiotherapy();
    }

    /** Systemic therapy is ordered and no local treatment (radiotherapy of any intent, surgery) is planned. */
    static boolean systemicTherapyAlone(PlannedOrders orders) {
        return !orders.systemic().isEmpty() && !orders.plansLocalTreatment();
    }

    /**
     * The OMD diagnosis date lies within the last {@value #NEW_DISEASE_DAYS} days (today and tomorrow included, for
     * time zones). An unknown date decides nothing: no card.
     */
    static boolean newlyOligometastatic(@Nullable LocalDate omd, LocalDate today) {
        return omd != null && !omd.isAfter(today.plusDays(1)) && !omd.isBefore(today.minusDays(NEW_DISEASE_DAYS));
    }

    private static List<String> chartFacts(Assessment a) {
        List<String> facts = new ArrayList<>();
        // Only an oligometastatic assessment (advise's first check) gets here: it has counted the lesions.
        int n = Objects.requireNonNull(a.lesionCount(), "an oligometastatic assessment counts its lesions");
        facts.add(n
                + (n == 1 ? " current distant lesion" : " current distant lesions")
                + (a.sites().isEmpty() ? "" : " (" + String.join(", ", a.sites()) + ")"));
        if (a.estroEortcState() != null) {
            facts.add("ESTRO-EORTC: " + a.estroEortcState().label());
        }
        return facts;
    }

    private static List<String> dedupe(List<String> facts) {
        return facts.stream().distinct().toList();
    }
}
