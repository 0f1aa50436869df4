package org.ombc.cds.apps.smart.timeline;

import java.time.LocalDate;

/**
 * A date as the record knows it: one day, or a range when the record gave only a year, a month or an age
 * ("2019" is 2019-01-01..2019-12-31). The tumour board sees the range, not a guessed day.
 */
public record DateSpan(LocalDate earliest, LocalDate latest) {

    public DateSpan {
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("a date span ends before it starts");
        }
    }

    public static DateSpan day(LocalDate day) {
        return new DateSpan(day, day);
    }

    public boolean isUncertain() {
        return !earliest.equals(latest);
    }

    public DateSpan plusMonths(int months) {
        return new DateSpan(earliest.plusMonths(months), latest.plusMonths(months));
    }
}
