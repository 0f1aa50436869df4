/**
 * What replicas share: the hook-response retry cache, in memory for one instance or in the database for
 * several.
 */
@NullMarked
package org.ombc.cds.cluster;

import org.jspecify.annotations.NullMarked;
