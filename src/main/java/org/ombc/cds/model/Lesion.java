package org.ombc.cds.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One metastasis Condition as the rules see it.
 *
 * @param conditionId   the Condition's id, so a card can point at the record it read
 * @param site          where it is
 * @param sternal       bodySite names the sternum (regional disease when alone: Christopherson 2019)
 * @param side          the side, read for axillary nodes
 * @param count         how many lesions this Condition stands for: 1, or its metastatic-lesion-count
 *                      Observation; null when that Observation exists but gives no usable number
 * @param onsetDate     onset[x] as an interval; recordedDate only when the Condition has no onset[x] at all;
 *                      null when neither can be read or the date lies in the future (clinical-rules 8)
 * @param abatementDate abatement[x]: when the lesion stopped being active; null when still active or unknown
 * @param current       clinicalStatus active, recurrence or relapse (none: current unless abated)
 * @param sizeMm        largest recorded size in millimetres, null when unknown
 */
public record Lesion(
        String conditionId,
        Site site,
        boolean sternal,
        Laterality side,
        @Nullable Integer count,
        @Nullable DateInterval onsetDate,
        @Nullable DateInterval abatementDate,
        boolean current,
        @Nullable Double sizeMm) {

    /**
     * The first day the onset may be, null when undated: for ordering and display only; decisions read
     * {@link #onsetDate()}.
     */
    public @Nullable LocalDate onset() {
        return onsetDate == null ? null : onsetDate.start();
    }

    /** The first day the abatement may be; null when none. */
    public @Nullable LocalDate abatement() {
        return abatementDate == null ? null : abatementDate.start();
    }
}
