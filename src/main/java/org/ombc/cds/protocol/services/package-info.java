/**
 * The hook services: one class per CDS service of the discovery document
 * ({@link org.ombc.cds.protocol.services.CdsService}), each gathering the chart, assessing it and choosing its cards.
 * Kept apart from the endpoint so that the endpoint depends on them one way and adding a hook touches only here.
 */
package org.ombc.cds.protocol.services;
