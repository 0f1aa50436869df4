/**
 * The use cases: one class per CDS service of the discovery document ({@link org.ombc.cds.services.CdsService}),
 * each gathering the chart, assessing it and choosing its cards. Kept out of the protocol package so that the
 * endpoint depends on them one way and the cards never see the endpoint.
 */
package org.ombc.cds.services;
