/**
 * The CDS cards built from an assessment: their summaries, detail, evidence pages and suggestions, for
 * patient-view and order-sign alike, and the assessment's JSON contract the main card carries (and
 * {@code POST /ombc/assessment} returns). A new card text goes here.
 */
package org.ombc.cds.cards;
