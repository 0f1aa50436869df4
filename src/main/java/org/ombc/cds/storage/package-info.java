/**
 * What every store of the service shares: acknowledged commits made durable on the configured database, and
 * what a JDBC URL tells about it (an H2 file or not, shareable by replicas or not).
 */
@NullMarked
package org.ombc.cds.storage;

import org.jspecify.annotations.NullMarked;
