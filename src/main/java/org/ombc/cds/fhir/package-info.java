/**
 * FHIR R4 in and out through HAPI: parsing, the prefetch and the fallback queries to the FHIR server, the
 * patient compartment, our FHIR package and, when configured, profile validation.
 */
package org.ombc.cds.fhir;
