package org.ombc.cds.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A period of systemic anticancer therapy from {@code start} to {@code end}; {@code end} null means ongoing.
 * {@code start} null means the record gave no usable start, and the period is not used to cover any date.
 */
public record TherapyPeriod(
        String agent,
        @Nullable DateInterval start,
        @Nullable DateInterval end) {

    /**
     * Whether the therapy was given on every day of {@code when}: yes when it certainly started before and
     * certainly had not ended; no when it certainly started after or ended before; else undecided.
     */
    public Answer covers(@Nullable DateInterval when) {
        if (when == null || start == null) {
            return Answer.NO;
        }
        boolean certainlyOn = !start.end().isAfter(when.start())
                && (end == null || !end.start().isBefore(when.end()));
        boolean certainlyOff =
                start.start().isAfter(when.end()) || (end != null && end.end().isBefore(when.start()));
        return Answer.of(certainlyOn, certainlyOff);
    }

    public boolean covers(@Nullable LocalDate day) {
        return day != null && covers(DateInterval.day(day)) == Answer.YES;
    }
}
