package org.ombc.cds.chart.mapping;

import java.time.LocalDate;
import java.time.YearMonth;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.DateInterval;

/**
 * FHIR date-like values as {@link DateInterval}s (clinical-rules 8): a year, a month or a day as written; the time
 * of a dateTime is dropped (its calendar day as written, the sender's local day).
 */
final class FhirDates {

    private FhirDates() {}

    /** The date as written; null when absent or not a date. */
    static @Nullable DateInterval of(@Nullable BaseDateTimeType value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String text = value.getValueAsString();
        if (text == null || text.length() < 4) {
            return null;
        }
        try {
            if (text.length() >= 10) {
                return DateInterval.day(LocalDate.parse(text.substring(0, 10)));
            }
            if (text.length() >= 7) {
                return DateInterval.month(YearMonth.parse(text.substring(0, 7)));
            }
            return DateInterval.year(Integer.parseInt(text.substring(0, 4)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The start of a dateTime or Period value (effective, onsetPeriod: "uses its start"); null when the value is
     * absent, of another type or has no readable start.
     */
    static @Nullable DateInterval start(@Nullable Type value) {
        if (value instanceof BaseDateTimeType dt) {
            return of(dt);
        }
        if (value instanceof Period period) {
            return period.hasStart() ? of(period.getStartElement()) : null;
        }
        return null;
    }

    /**
     * The end of a dateTime or Period value (abatement): a Period ends at its end, else its start; null when the
     * value is absent, of another type or undated.
     */
    static @Nullable DateInterval end(@Nullable Type value) {
        if (value instanceof BaseDateTimeType dt) {
            return of(dt);
        }
        if (value instanceof Period period) {
            return period.hasEnd() ? of(period.getEndElement()) : of(period.getStartElement());
        }
        return null;
    }

    /**
     * An age at onset ({@code onsetAge}) or an age range ({@code onsetRange}) with the birth date: the years of age
     * it names. Age 58 of a woman born 1960-06-15 is 2018-06-15..2019-06-14. Null when the birth date or the age
     * cannot be read (ages in years, "a", or months, "mo").
     */
    static @Nullable DateInterval ofAge(Type onset, @Nullable DateInterval birth) {
        if (birth == null) {
            return null;
        }
        Quantity low;
        Quantity high;
        if (onset instanceof Age age) {
            low = age;
            high = age;
        } else if (onset instanceof Range range && range.hasLow()) {
            low = range.getLow();
            high = range.hasHigh() ? range.getHigh() : range.getLow();
        } else {
            return null;
        }
        Integer lowMonths = months(low);
        Integer highMonths = months(high);
        if (lowMonths == null || highMonths == null || highMonths < lowMonths) {
            return null;
        }
        int width = isMonths(high) ? 1 : 12;
        LocalDate start = birth.start().plusMonths(lowMonths);
        LocalDate end = birth.end().plusMonths(highMonths + width).minusDays(1);
        return new DateInterval(start, end);
    }

    private static boolean isMonths(Quantity q) {
        String unit = unit(q);
        return unit != null && (unit.equals("mo") || unit.startsWith("month"));
    }

    private static @Nullable Integer months(@Nullable Quantity q) {
        if (q == null || !q.hasValue() || q.getValue().signum() < 0) {
            return null;
        }
        String unit = unit(q);
        int whole = q.getValue().intValue();
        if (unit == null || unit.equals("a") || unit.startsWith("year") || unit.equals("yr") || unit.equals("y")) {
            return whole * 12;
        }
        return isMonths(q) ? whole : null;
    }

    private static @Nullable String unit(Quantity q) {
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        return unit == null ? null : unit.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
