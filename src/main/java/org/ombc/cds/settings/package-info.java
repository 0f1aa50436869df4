/**
 * The {@code ombc.*} properties read by several packages (security, cluster, the wiring). A package of their own
 * so that reading a setting never makes a package depend on the wiring in {@code config}.
 */
@NullMarked
package org.ombc.cds.settings;

import org.jspecify.annotations.NullMarked;
