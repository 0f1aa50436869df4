package org.ombc.cds.model;

import org.jspecify.annotations.Nullable;

/**
 * Staging of the breast primary that records distant metastases: a TNM M1 category (any subcategory) or a stage
 * group IV (clinical-rules 10, "Staging says metastatic"). It makes the patient metastatic when no metastasis
 * Condition is recorded; the number and sites of the lesions are then unknown.
 *
 * @param source the earliest record saying so ({@code Observation/id}, or {@code Condition/id} for a primary's stage
 *               summary), so a card can point at the record it read
 * @param date   its date as an interval; null when undated or dated in the future
 */
public record StagedMetastasis(String source, @Nullable DateInterval date) {}
