/**
 * The chart pipeline: fetch a patient's resources ({@code chart.fetch}), map them to the OMBC model
 * ({@code chart.mapping}) and assess them, the same for every entry point. Knows FHIR and the model, not the protocol
 * or app that asked.
 */
@NullMarked
package org.ombc.cds.chart;

import org.jspecify.annotations.NullMarked;
