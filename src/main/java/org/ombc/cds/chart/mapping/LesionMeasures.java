package org.ombc.cds.chart.mapping;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What Observations focused on metastasis Conditions say about them (clinical-rules 1 and 2): how many lesions a
 * Condition stands for ({@code metastatic-lesion-count}) and how large it is (LOINC 21889-1, 33728-7).
 *
 * @param counts         lesion count by Condition id
 * @param unusableCounts Conditions whose count Observation gives no usable number
 * @param sizesMm        largest size in millimetres by Condition id
 */
record LesionMeasures(Map<String, Integer> counts, Set<String> unusableCounts, Map<String, Double> sizesMm) {

    LesionMeasures {
        counts = Map.copyOf(counts);
        unusableCounts = Set.copyOf(unusableCounts);
        sizesMm = Map.copyOf(sizesMm);
    }

    /** A Condition counts 1 without a count Observation; null (unknown) when its count is not a usable number. */
    @Nullable
    Integer countOf(String conditionId) {
        return unusableCounts.contains(conditionId) ? null : counts.getOrDefault(conditionId, 1);
    }

    /** Null when no size was recorded in mm or cm. */
    @Nullable
    Double sizeMmOf(String conditionId) {
        return sizesMm.get(conditionId);
    }
}
