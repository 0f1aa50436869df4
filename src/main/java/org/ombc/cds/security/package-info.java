/**
 * Who may call: the CDS Hooks JWT check against trusted issuers and their keys, replay protection, the
 * security filter chain and the server's hardening; and the development issuer's commands that make such tokens.
 */
@NullMarked
package org.ombc.cds.security;

import org.jspecify.annotations.NullMarked;
