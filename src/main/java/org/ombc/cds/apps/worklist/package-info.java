/**
 * The worklist: every patient of a FHIR Bulk Data export (NDJSON) assessed by the one chart pipeline, one CSV row
 * each, in bounded memory (issue 28). Also the Bulk Data client that obtains such an export from an EHR.
 */
@NullMarked
package org.ombc.cds.apps.worklist;

import org.jspecify.annotations.NullMarked;
