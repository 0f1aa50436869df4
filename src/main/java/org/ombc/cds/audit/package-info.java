/**
 * The audit trail of hook calls, the cards issued and their feedback, the card pages they link to, and the
 * governance API that reads them back.
 */
package org.ombc.cds.audit;
