/**
 * The selection logic of the clinical rules ({@code docs/clinical-rules.md}): plain Java, pure functions of the
 * mapped record. Null is not a value here unless a type says {@code @Nullable} and its Javadoc says what null means.
 */
@NullMarked
package org.ombc.cds.logic;

import org.jspecify.annotations.NullMarked;
