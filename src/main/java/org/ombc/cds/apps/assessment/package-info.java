/**
 * {@code POST /ombc/assessment}: a chart Bundle in, the assessment's JSON contract out, without a CDS Hooks
 * client.
 */
package org.ombc.cds.apps.assessment;
