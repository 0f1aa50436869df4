package org.ombc.cds.model;

import java.time.LocalDate;

/**
 * One metastasis Condition as the rules see it.
 *
 * @param conditionId the Condition's id, so a card can point at the record it read
 * @param site        where it is
 * @param sternal     bodySite names the sternum (regional disease when alone: Christopherson 2019)
 * @param side        the side, read for axillary nodes
 * @param count       how many lesions this Condition stands for: 1, or its metastatic-lesion-count
 *                    Observation; null when that Observation exists but gives no usable number
 * @param onset       onset[x], else recordedDate; null when the record has neither
 * @param abatement   abatement[x]: when the lesion stopped being active; null when still active or unknown
 * @param current     clinicalStatus active, recurrence or relapse
 * @param sizeMm      largest recorded size in millimetres, null when unknown
 */
public record Lesion(String conditionId, Site site, boolean sternal, Laterality side, Integer count,
                     LocalDate onset, LocalDate abatement, boolean current, Double sizeMm) {
}
