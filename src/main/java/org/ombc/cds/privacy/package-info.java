/**
 * What stands in for patient ids, tokens and URLs where they must not appear as themselves: SHA-256 hashes for
 * logs, cache keys and stored keys. Depends on nothing, so every layer may use it.
 */
package org.ombc.cds.privacy;
