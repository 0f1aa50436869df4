/**
 * The CDS Hooks 2.0 endpoint: discovery, the service calls with their request checks, the call record and
 * the retry cache (answers kept so that a client's retry gets the same cards, in memory or, for replicas, in the
 * database). A new hook is a new {@link org.ombc.cds.protocol.services.CdsService} in {@code protocol.services}.
 */
@NullMarked
package org.ombc.cds.protocol;

import org.jspecify.annotations.NullMarked;
