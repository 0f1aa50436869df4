package org.ombc.cds.apps.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.ResourceIds;

/**
 * Which patient's group a Bulk Data line goes to, read from the raw JSON without building the resource: a
 * Patient by its own id, anything else by the {@code Patient/{id}} its {@code subject} (or {@code patient})
 * names. Whether the reference really names this patient is decided afterwards by the same rules as the hook
 * ({@link org.ombc.cds.chart.fetch.PatientCompartment}); this only routes the line.
 */
final class SubjectOf {

    /** The FHIR R4 id datatype: also keeps spill records one line each and a tab-separated key safe. */
    private SubjectOf() {}

    /** The patient id the line belongs to, or null when it names none (Group, no subject, identifier only). */
    static @Nullable String patientId(JsonNode resource) {
        if ("Patient".equals(resource.path("resourceType").asText())) {
            return idOrNull(resource.path("id").asText(null));
        }
        for (String link : new String[] {"subject", "patient"}) {
            JsonNode reference = resource.path(link).path("reference");
            if (reference.isTextual()) {
                return fromReference(reference.asText());
            }
        }
        return null;
    }

    /** {@code Patient/1}, {@code https://ehr/fhir/Patient/1}, {@code Patient/1/_history/2}: the id, else null. */
    static @Nullable String fromReference(String reference) {
        String ref = reference.trim();
        int history = ref.indexOf("/_history/");
        if (history > 0) {
            ref = ref.substring(0, history);
        }
        int at;
        if (ref.startsWith("Patient/")) {
            at = 0;
        } else if (ref.contains("/Patient/")) {
            at = ref.lastIndexOf("/Patient/") + 1;
        } else {
            return null;
        }
        return idOrNull(ref.substring(at + "Patient/".length()));
    }

    private static @Nullable String idOrNull(@Nullable String id) {
        return ResourceIds.isFhirId(id) ? id : null;
    }
}
