/**
 * The order-sign rules (clinical-rules 9): what treatment the draft orders plan, with which intent, compared with
 * the assessment. Plain Java like the selection logic; the draft orders are read from FHIR in {@code chart.mapping}.
 */
package org.ombc.cds.logic.ordersign;
