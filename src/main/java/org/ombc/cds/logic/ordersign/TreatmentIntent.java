package org.ombc.cds.logic.ordersign;

/**
 * The intent an order states (clinical-rules 9): the mCODE treatment-intent extension, else a reasonCode or
 * category coding. An order that states neither is {@link #UNKNOWN}, which is not the same as curative.
 */
public enum TreatmentIntent {
    PALLIATIVE("palliative"),
    CURATIVE("curative"),
    UNKNOWN("unknown");

    private final String code;

    TreatmentIntent(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
