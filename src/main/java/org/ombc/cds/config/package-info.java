/**
 * The wiring: the beans of the service, the clinical knowledge read at start (our FHIR package and a site's
 * extra trial files).
 */
@NullMarked
package org.ombc.cds.config;

import org.jspecify.annotations.NullMarked;
