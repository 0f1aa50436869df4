package org.ombc.cds.services;

import java.util.List;

import org.ombc.cds.hookjson.CdsHooksModel.Card;
import org.ombc.cds.logic.Assessment;

/**
 * The outcome of one call of any hook: what was concluded about the chart (kept by the audit) and the cards shown
 * to the clinician.
 */
public record HookOutcome(Assessment assessment, List<Card> cards) {
}
