package org.ombc.cds.logic.ordersign;

import java.util.List;

/**
 * What the order-sign rules conclude for one set of draft orders.
 *
 * @param kind   which rule of clinical-rules 9 applies, or {@link Kind#NONE}
 * @param orders the draft orders the advice is about ("ServiceRequest/rt-1")
 * @param facts  the facts the rule used, in clinical words, for the card
 */
public record OrderSignAdvice(Kind kind, List<String> orders, List<String> facts) {

    public OrderSignAdvice {
        orders = List.copyOf(orders);
        facts = List.copyOf(facts);
    }

    public static OrderSignAdvice none() {
        return new OrderSignAdvice(Kind.NONE, List.of(), List.of());
    }

    public enum Kind {
        /** No card. */
        NONE("none"),
        /** Oligometastatic, and radiotherapy is ordered with palliative or no stated intent: warning. */
        PALLIATIVE_RADIOTHERAPY("palliative-radiotherapy"),
        /** Newly oligometastatic, and systemic therapy is ordered with no local treatment planned: info. */
        SYSTEMIC_THERAPY_ALONE("systemic-therapy-alone");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
