/**
 * The order-sign hook's reading of draft orders: what treatment is planned, with which intent, and the
 * rules that compare it with the assessment.
 */
package org.ombc.cds.ordersign;
