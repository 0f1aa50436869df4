package org.ombc.cds.logic;

import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.Answer;
import org.ombc.cds.model.DateInterval;

/**
 * The thresholds on dates (clinical-rules 4, 5, 6) under "dates are intervals" (clinical-rules 8): a threshold is
 * decided only when every day of both intervals lies on one side; otherwise the answer is undecided and the date
 * that left it so is named as missing.
 */
final class DateThresholds {

    private DateThresholds() {}

    /** Within {@link Thresholds#SYNCHRONOUS_MONTHS} of the primary, either side (clinical-rules 4). */
    static Answer isSynchronous(DateInterval primary, DateInterval omd) {
        int months = Thresholds.SYNCHRONOUS_MONTHS;
        boolean certainlyWithin = !omd.end().isAfter(primary.start().plusMonths(months))
                && !omd.start().isBefore(primary.end().minusMonths(months));
        boolean certainlyOutside = omd.start().isAfter(primary.end().plusMonths(months))
                || omd.end().isBefore(primary.start().minusMonths(months));
        return Answer.of(certainlyWithin, certainlyOutside);
    }

    /** The disease-free interval is at least {@code months}; undecided when a date is unknown. */
    static Answer dfiAtLeast(@Nullable DateInterval primary, @Nullable DateInterval metastasis, int months) {
        if (primary == null || metastasis == null) {
            return Answer.UNDECIDED;
        }
        return Answer.of(
                DateInterval.minMonths(primary, metastasis) >= months,
                DateInterval.maxMonths(primary, metastasis) < months);
    }

    /** The disease-free interval is at most {@code months}; undecided when a date is unknown. */
    static Answer dfiAtMost(@Nullable DateInterval primary, @Nullable DateInterval metastasis, int months) {
        if (primary == null || metastasis == null) {
            return Answer.UNDECIDED;
        }
        return Answer.of(
                DateInterval.maxMonths(primary, metastasis) <= months,
                DateInterval.minMonths(primary, metastasis) > months);
    }

    /**
     * {@code diseaseFreeIntervalMonths}: whole months between the interval starts; null (not reported) unless both
     * dates are known at least to the month (clinical-rules 8).
     */
    static @Nullable Integer reportedDfi(@Nullable DateInterval primary, @Nullable DateInterval metastasis) {
        if (primary == null || metastasis == null || !primary.knownToMonth() || !metastasis.knownToMonth()) {
            return null;
        }
        return DateInterval.wholeMonths(primary.start(), metastasis.start());
    }

    /**
     * The dates that leave a threshold between the primary and a metastasis undecided: an unknown date; else the
     * less precise of the two, a year before a month; both when equally imprecise (clinical-rules 8).
     */
    static Set<MissingData> undecidedBy(@Nullable DateInterval primary, @Nullable DateInterval metastasis) {
        Set<MissingData> missing = EnumSet.noneOf(MissingData.class);
        if (primary == null || metastasis == null) {
            if (primary == null) {
                missing.add(MissingData.PRIMARY_DIAGNOSIS_DATE);
            }
            if (metastasis == null) {
                missing.add(MissingData.METASTASIS_DIAGNOSIS_DATE);
            }
            return missing;
        }
        long primaryDays = ChronoUnit.DAYS.between(primary.start(), primary.end());
        long metastasisDays = ChronoUnit.DAYS.between(metastasis.start(), metastasis.end());
        if (!primary.isDay() && primaryDays >= metastasisDays) {
            missing.add(MissingData.PRIMARY_DIAGNOSIS_DATE);
        }
        if (!metastasis.isDay() && metastasisDays >= primaryDays) {
            missing.add(MissingData.METASTASIS_DIAGNOSIS_DATE);
        }
        return missing;
    }

    /** A threshold at the OMD date left undecided names that date, unless it is known to the day. */
    static Set<MissingData> undecidedByOmd(DateInterval omd) {
        return omd.isDay() ? Set.of() : Set.of(MissingData.METASTASIS_DIAGNOSIS_DATE);
    }
}
