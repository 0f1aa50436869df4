package org.ombc.cds.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A result and when it was taken, for the rules where one of several results counts: the latest ER, PR or HER2
 * result (clinical-rules 1 and 8, "the newest specimen is the one that counts"), the N category at primary
 * diagnosis (the earliest), the latest disease status (clinical-rules 8, ESTRO-EORTC timing). Results compare by
 * the first day their date may be.
 *
 * @param date  when the result was taken; null when the record does not say, or said a date in the future
 * @param value the result
 */
public record Dated<T>(@Nullable DateInterval date, T value) {

    /**
     * The results of the latest day, in the order given, so that the caller decides what two results of one day
     * mean; when none is dated, the undated ones: an undated result cannot be placed before or after a dated one.
     */
    public static <T> List<Dated<T>> latest(List<Dated<T>> results) {
        return onBestDay(results, Comparator.naturalOrder());
    }

    /** The results of the earliest day, in the order given; when none is dated, the undated ones. */
    public static <T> List<Dated<T>> earliest(List<Dated<T>> results) {
        return onBestDay(results, Comparator.reverseOrder());
    }

    private static <T> List<Dated<T>> onBestDay(List<Dated<T>> results, Comparator<LocalDate> later) {
        LocalDate best = null;
        for (Dated<T> result : results) {
            if (result.date != null && (best == null || later.compare(result.date.start(), best) > 0)) {
                best = result.date.start();
            }
        }
        List<Dated<T>> chosen = new ArrayList<>();
        for (Dated<T> result : results) {
            LocalDate day = result.date == null ? null : result.date.start();
            if (best == null ? day == null : best.equals(day)) {
                chosen.add(result);
            }
        }
        return chosen;
    }
}
