/**
 * The CDS Hooks feedback endpoint: a client's accepted and overridden outcomes checked against the cards we issued
 * to that client, stored in the audit, and the governance summary read back.
 */
package org.ombc.cds.feedback;
