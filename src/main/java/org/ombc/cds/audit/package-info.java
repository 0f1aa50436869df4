/**
 * The audit trail: hook calls with an assessment snapshot, the cards issued and their feedback in one store, the
 * card pages the cards link to and the rules page. The admin token that guards reading it back lives here too.
 */
package org.ombc.cds.audit;
