package org.ombc.cds.model;

import java.time.LocalDate;

/**
 * The patient's breast cancer: diagnosed on {@code diagnosed} (onset[x], else recordedDate; null when neither)
 * on {@code side}. A primary in remission is still the patient's breast cancer (clinical-rules 2).
 *
 * @param inactive every Condition of the primary is resolved, in remission or inactive (or, without a
 *                 clinicalStatus, has an abatement): one half of "primary controlled" (clinical-rules 8)
 */
public record PrimaryTumour(String conditionId, LocalDate diagnosed, Laterality side, boolean inactive) {
}
