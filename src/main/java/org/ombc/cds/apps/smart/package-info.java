/**
 * The tumour-board view as a SMART on FHIR app: the EHR launch, the OAuth 2.0 client and the page.
 */
@NullMarked
package org.ombc.cds.apps.smart;

import org.jspecify.annotations.NullMarked;
