package org.ombc.cds.model;

import org.jspecify.annotations.Nullable;

/**
 * Staging of the breast primary that records distant metastases: a TNM M1 category (any subcategory) or a stage
 * group IV (clinical-rules 10, "Staging says metastatic"). It makes the patient metastatic when no metastasis
 * Condition is recorded; the number and sites of the lesions are then unknown.
 *
 * @param observationId the earliest staging Observation saying so, so a card can point at the record it read
 * @param date          its effective date as an interval; null when undated or dated in the future
 */
public record StagedMetastasis(String observationId, @Nullable DateInterval date) {
}
