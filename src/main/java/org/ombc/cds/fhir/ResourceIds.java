package org.ombc.cds.fhir;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** Logical ids of resources and of what references point at, however the sender spelled them. */
@NullMarked
public final class ResourceIds {

    private ResourceIds() {}

    /** The logical id; a Bundle entry known only by its fullUrl "urn:uuid:abc" has id "abc". */
    public static String idOf(Resource resource) {
        String value = resource.getIdElement().getValue();
        if (value == null || value.isEmpty()) {
            return "anonymous-" + Integer.toHexString(System.identityHashCode(resource));
        }
        if (value.startsWith("urn:")) {
            return value.substring(value.lastIndexOf(':') + 1);
        }
        return resource.getIdElement().getIdPart();
    }

    /**
     * "Condition/abc", "urn:uuid:abc", "http://x/fhir/Condition/abc/_history/2" all name id "abc"; null when the
     * reference names no resource (identifier or display only).
     */
    public static @Nullable String referencedId(Reference reference) {
        if (reference.getResource() instanceof Resource r && r.hasIdElement()) {
            return idOf(r);
        }
        String ref = reference.getReference();
        if (ref == null || ref.isBlank()) {
            return null;
        }
        if (ref.startsWith("urn:uuid:") || ref.startsWith("urn:oid:")) {
            return ref.substring(ref.lastIndexOf(':') + 1);
        }
        int history = ref.indexOf("/_history");
        String trimmed = history >= 0 ? ref.substring(0, history) : ref;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /**
     * Whether {@code id} is a FHIR id ({@code [A-Za-z0-9\-\.]{1,64}}, FHIR R4 datatypes "id"): only such an id may
     * be written into a reference we send, whatever a sender put in its own records.
     */
    public static boolean isFhirId(@Nullable String id) {
        return id != null && new IdType("Resource", id).isIdPartValid();
    }
}
