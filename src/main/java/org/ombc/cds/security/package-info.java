/**
 * Who may call: the CDS Hooks JWT check against trusted issuers and their keys, replay protection, the
 * security filter chain and the server's hardening.
 */
@NullMarked
package org.ombc.cds.security;

import org.jspecify.annotations.NullMarked;
