/**
 * Reads a patient's HAPI FHIR R4 resources into the plain {@link org.ombc.cds.model.OmbcRecord}: one reader per
 * resource family, composed by {@link org.ombc.cds.mapping.FhirToOmbc}, with the terminology loaded from
 * {@code fhir-profiles/}. The only package that reads FHIR for the assessment (clinical-rules 1, 2 and 8).
 */
@NullMarked
package org.ombc.cds.mapping;

import org.jspecify.annotations.NullMarked;
