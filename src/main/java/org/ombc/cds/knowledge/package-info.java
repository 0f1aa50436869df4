/**
 * What the service knows, loaded at start from our FHIR package ({@code fhir-profiles/}) and a site's trial files:
 * the ValueSets and CodeSystem as {@link org.ombc.cds.knowledge.Terminology}, the trial definitions and the profiles
 * incoming data may be validated against. A new code family goes here and in {@code fhir-profiles/}.
 */
@NullMarked
package org.ombc.cds.knowledge;

import org.jspecify.annotations.NullMarked;
