package org.ombc.cds.fhir;

import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * A resource as it arrived: in a Bundle entry with its {@code fullUrl} (kept, because references may name a
 * resource by it: {@code urn:uuid:...} or an absolute URL), or alone ({@code fullUrl} null).
 */
public record FhirEntry(Resource resource, @Nullable String fullUrl) {}
