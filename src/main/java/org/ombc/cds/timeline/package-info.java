/**
 * The patient's disease timeline drawn as SVG for the tumour-board view.
 */
@NullMarked
package org.ombc.cds.timeline;

import org.jspecify.annotations.NullMarked;
