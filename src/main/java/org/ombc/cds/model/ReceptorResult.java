package org.ombc.cds.model;

import java.time.LocalDate;

/**
 * The latest ER, PR or HER2 result. {@code conflicting} says that an earlier result disagreed: the latest wins
 * (clinical-rules 1), and the card says so.
 */
public record ReceptorResult(Status status, LocalDate date, boolean conflicting) {

    public static final ReceptorResult UNKNOWN = new ReceptorResult(Status.UNKNOWN, null, false);

    public enum Status { POSITIVE, NEGATIVE, UNKNOWN }

    public boolean isPositive() {
        return status == Status.POSITIVE;
    }

    public boolean isNegative() {
        return status == Status.NEGATIVE;
    }

    public boolean isKnown() {
        return status != Status.UNKNOWN;
    }
}
