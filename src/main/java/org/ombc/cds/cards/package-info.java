/**
 * The CDS cards built from an assessment: their summaries, detail, evidence pages and suggestions, for
 * patient-view and order-sign alike.
 */
package org.ombc.cds.cards;
