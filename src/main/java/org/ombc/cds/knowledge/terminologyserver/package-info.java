/**
 * Asks a hospital's FHIR terminology server about codes our published expansions do not hold (clinical-rules 10):
 * optional, bounded by a deadline per chart, cached; the expansions stay the answer whenever the server is off,
 * slow or wrong.
 */
@NullMarked
package org.ombc.cds.knowledge.terminologyserver;

import org.jspecify.annotations.NullMarked;
