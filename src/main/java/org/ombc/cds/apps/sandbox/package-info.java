/**
 * The sandbox profile: synthetic patients, the vignette catalogue and a FHIR endpoint serving them, for
 * trying the service without an EHR.
 */
package org.ombc.cds.apps.sandbox;
