/**
 * The chart pipeline: gather a patient's resources, map them to the OMBC model and assess them, the same for
 * every entry point. Knows FHIR and the model, not the protocol that asked.
 */
@NullMarked
package org.ombc.cds.chart;

import org.jspecify.annotations.NullMarked;
