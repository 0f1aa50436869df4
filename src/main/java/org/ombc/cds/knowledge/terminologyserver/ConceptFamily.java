package org.ombc.cds.knowledge.terminologyserver;

import java.util.List;

/**
 * One of our ValueSets as a concept family (clinical-rules 10). With SNOMED CT roots, a SNOMED code belongs to it when
 * a root subsumes it, and codes of other systems are not asked (their families are complete by pattern, as ICD-10-CM
 * chapters are); without roots, any code is asked by {@code $validate-code}.
 */
record ConceptFamily(String valueSetId, List<String> snomedRoots) {

    ConceptFamily {
        snomedRoots = List.copyOf(snomedRoots);
    }

    boolean bySubsumption() {
        return !snomedRoots.isEmpty();
    }
}
