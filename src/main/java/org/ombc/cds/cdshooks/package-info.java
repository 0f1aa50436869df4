/**
 * The CDS Hooks 2.0 endpoint: discovery, the service calls with their request checks, the retry cache and
 * the call record.
 */
@NullMarked
package org.ombc.cds.cdshooks;

import org.jspecify.annotations.NullMarked;
