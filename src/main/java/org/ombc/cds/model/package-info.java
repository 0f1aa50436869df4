/**
 * The OMBC model: plain records, enums and value types of what the rules read about one patient. No FHIR, no
 * framework: the mapping fills it, the logic reads it.
 */
@NullMarked
package org.ombc.cds.model;

import org.jspecify.annotations.NullMarked;
