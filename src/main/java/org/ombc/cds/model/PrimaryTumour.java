package org.ombc.cds.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The patient's breast cancer: one primary however many Conditions record it (clinical-rules 8), diagnosed at
 * {@code diagnosedDate} (the earliest onset of those Conditions; null when none is dated) on {@code side} (the
 * side any of them states; unknown when none does or two differ). A primary in remission is still the patient's
 * breast cancer (clinical-rules 2).
 *
 * @param inactive every Condition of the primary is resolved, in remission or inactive (or, without a
 *                 clinicalStatus, has an abatement): one half of "primary controlled" (clinical-rules 8)
 */
public record PrimaryTumour(
        String conditionId, @Nullable DateInterval diagnosedDate, Laterality side, boolean inactive) {

    /**
     * The first day the diagnosis may be, null when undated: for ordering and display only; decisions read the
     * interval.
     */
    public @Nullable LocalDate diagnosed() {
        return diagnosedDate == null ? null : diagnosedDate.start();
    }
}
