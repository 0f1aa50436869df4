/**
 * Reads a patient's HAPI FHIR R4 resources into the plain {@link org.ombc.cds.model.OmbcRecord}: one reader per
 * resource family, composed by {@link org.ombc.cds.chart.mapping.FhirToOmbc}, plus the order-sign hook's draft
 * orders. Codes are recognised through the knowledge's terminology (clinical-rules 1, 2 and 8).
 */
@NullMarked
package org.ombc.cds.chart.mapping;

import org.jspecify.annotations.NullMarked;
