/**
 * The service's entry point. A package whose package-info is {@code @NullMarked} (JSpecify) declares every value
 * that may be absent {@code @Nullable}, and NullAway checks its code against that at compile time.
 */
@NullMarked
package org.ombc.cds;

import org.jspecify.annotations.NullMarked;
