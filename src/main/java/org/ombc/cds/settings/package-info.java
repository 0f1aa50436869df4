/**
 * The {@code ombc.*} properties read by several packages (security, the retry cache, the audit, the terminology
 * server, the worklist, the wiring). A package of their own, below all of them, so that reading a setting never
 * makes a package depend on the wiring in {@code config}.
 */
@NullMarked
package org.ombc.cds.settings;

import org.jspecify.annotations.NullMarked;
