/**
 * Gathering a patient's FHIR resources: the prefetch decoded and checked, the fallback queries to the EHR's FHIR
 * server (only to allowed servers, paged, bounded in time and size) and the patient compartment that keeps another
 * patient's data out.
 */
package org.ombc.cds.chart.fetch;
