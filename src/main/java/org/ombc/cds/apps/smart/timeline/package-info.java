/**
 * The patient's disease timeline drawn as SVG for the tumour-board view, from the assessment alone.
 */
@NullMarked
package org.ombc.cds.apps.smart.timeline;

import org.jspecify.annotations.NullMarked;
