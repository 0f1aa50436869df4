/**
 * FHIR R4 through HAPI as every layer shares it: the one parser, a resource with its full URL, the dates a
 * resource held but HAPI could not read, and the FHIR id rule. Depends on nothing of ours.
 */
package org.ombc.cds.fhir;
