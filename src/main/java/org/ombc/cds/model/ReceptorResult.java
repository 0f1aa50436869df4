package org.ombc.cds.model;

import org.jspecify.annotations.Nullable;

/**
 * The latest ER, PR or HER2 result (clinical-rules 1 and 8). {@code conflicting} says that results disagreed
 * over time: the latest wins, and the card says so. An equivocal or unreadable latest result is UNKNOWN.
 *
 * @param date the date of the latest result; null when there is no result or none is dated
 */
public record ReceptorResult(Status status, @Nullable DateInterval date, boolean conflicting) {

    public static final ReceptorResult UNKNOWN = new ReceptorResult(Status.UNKNOWN, null, false);

    public enum Status {
        POSITIVE,
        NEGATIVE,
        UNKNOWN
    }

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
