package org.ombc.cds.knowledge.terminologyserver;

import org.jspecify.annotations.Nullable;

/**
 * One question to the terminology server, and the key its answer is cached under: is {@code system|code} a member of
 * our ValueSet {@code valueSetId}? With a {@code root}, asked as SNOMED CT {@code CodeSystem/$subsumes} (is the
 * code the root or one of its descendants); without, as {@code ValueSet/$validate-code} on our canonical URL.
 *
 * @param system the normalised code system
 */
record Question(
        String valueSetId,
        String system,
        String code,
        @Nullable String root) {

    /** The canonical URL our ValueSets are published under (fhir-profiles). */
    static final String VALUE_SET_BASE = "http://ombc-cds.org/fhir/ValueSet/";

    String valueSetUrl() {
        return VALUE_SET_BASE + valueSetId;
    }
}
