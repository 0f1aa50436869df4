/**
 * The service's entry point. Every package of ours declares each value that may be absent {@code @Nullable}
 * (JSpecify), and NullAway checks the code against that at compile time (pom.xml: all of {@code org.ombc.cds},
 * whether or not its package-info says {@code @NullMarked}).
 */
@NullMarked
package org.ombc.cds;

import org.jspecify.annotations.NullMarked;
