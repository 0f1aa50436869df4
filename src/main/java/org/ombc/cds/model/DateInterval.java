package org.ombc.cds.model;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A date as the record knows it: the interval it certainly lies in (clinical-rules 8, "Dates are intervals").
 * {@code 2019} is 2019-01-01..2019-12-31, {@code 2019-03} the month, a dateTime its day; an age at onset is the
 * year of age it names. Both ends are inclusive.
 */
public record DateInterval(LocalDate start, LocalDate end) {

    public DateInterval {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("interval ends before it starts");
        }
    }

    public static DateInterval day(LocalDate day) {
        return new DateInterval(day, day);
    }

    public static DateInterval month(YearMonth month) {
        return new DateInterval(month.atDay(1), month.atEndOfMonth());
    }

    public static DateInterval year(int year) {
        return new DateInterval(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Parses the values the tests and examples write: {@code 2019}, {@code 2019-03}, {@code 2019-03-05}. */
    public static DateInterval parse(String text) {
        return switch (text.length()) {
            case 4 -> year(Integer.parseInt(text));
            case 7 -> month(YearMonth.parse(text));
            default -> day(LocalDate.parse(text.substring(0, 10)));
        };
    }

    /** Known to the day. */
    public boolean isDay() {
        return start.equals(end);
    }

    /** Known at least to the month: the whole interval lies in one calendar month. */
    public boolean knownToMonth() {
        return YearMonth.from(start).equals(YearMonth.from(end));
    }

    /** Every day of this interval is after {@code day}. */
    public boolean after(LocalDate day) {
        return start.isAfter(day);
    }

    /** The interval, its end cut to {@code latest} (a date cannot lie after the day it was read). */
    public DateInterval endingBy(LocalDate latest) {
        return end.isAfter(latest) && !start.isAfter(latest) ? new DateInterval(start, latest) : this;
    }

    /**
     * The earlier of two uncertain dates: it lies between the earlier starts and the earlier ends. An unknown date
     * (null) is passed over; null when both are unknown.
     */
    public static @Nullable DateInterval earliest(@Nullable DateInterval a, @Nullable DateInterval b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        LocalDate s = a.start.isBefore(b.start) ? a.start : b.start;
        LocalDate e = a.end.isBefore(b.end) ? a.end : b.end;
        return new DateInterval(s, e);
    }

    /** Whole months from {@code from} to {@code to}, never negative. */
    public static int wholeMonths(LocalDate from, LocalDate to) {
        return (int) Math.max(0, Period.between(from, to).toTotalMonths());
    }

    /** The fewest whole months from a day of {@code from} to a day of {@code to}, never negative. */
    public static int minMonths(DateInterval from, DateInterval to) {
        return wholeMonths(from.end, to.start);
    }

    /** The most whole months from a day of {@code from} to a day of {@code to}, never negative. */
    public static int maxMonths(DateInterval from, DateInterval to) {
        return wholeMonths(from.start, to.end);
    }

    /** The fewest days between a day of this interval and a day of {@code other} (0 when they overlap). */
    public long minDaysTo(DateInterval other) {
        if (other.start.isAfter(end)) {
            return ChronoUnit.DAYS.between(end, other.start);
        }
        if (start.isAfter(other.end)) {
            return ChronoUnit.DAYS.between(other.end, start);
        }
        return 0;
    }

    /** The most days between a day of this interval and a day of {@code other}. */
    public long maxDaysTo(DateInterval other) {
        return Math.max(
                Math.abs(ChronoUnit.DAYS.between(start, other.end)),
                Math.abs(ChronoUnit.DAYS.between(end, other.start)));
    }

    /** As a clinician reads it: {@code 2019}, {@code 2019-03}, {@code 2019-03-05}, else {@code from..to}. */
    @Override
    public String toString() {
        if (isDay()) {
            return start.toString();
        }
        if (knownToMonth()
                && start.getDayOfMonth() == 1
                && end.equals(YearMonth.from(start).atEndOfMonth())) {
            return YearMonth.from(start).toString();
        }
        if (start.getDayOfYear() == 1
                && end.getYear() == start.getYear()
                && end.getMonthValue() == 12
                && end.getDayOfMonth() == 31) {
            return String.valueOf(start.getYear());
        }
        return start + ".." + end;
    }
}
