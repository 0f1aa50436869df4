/**
 * The audit trail: hook calls with an assessment snapshot and the cards issued ({@link AuditStore}), the feedback on
 * them ({@link FeedbackStore}), both in one database; the card pages the cards link to and the rules page. The admin
 * token that guards reading it back lives here too.
 */
package org.ombc.cds.audit;
