/**
 * The CDS Hooks 2.0 JSON records (requests, cards, discovery, feedback). They depend on nothing of ours, so the
 * endpoint that reads them and the cards that build them both depend on this package, one way.
 */
package org.ombc.cds.protocol.json;
