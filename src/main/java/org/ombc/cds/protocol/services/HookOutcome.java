package org.ombc.cds.protocol.services;

import java.util.List;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.protocol.json.CdsHooksModel.Card;

/**
 * The outcome of one call of any hook: what was concluded about the chart (kept by the audit) and the cards shown
 * to the clinician.
 */
public record HookOutcome(Assessment assessment, List<Card> cards) {}
