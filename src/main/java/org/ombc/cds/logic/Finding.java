package org.ombc.cds.logic;

import java.util.List;

/**
 * One conclusion with its basis: the rule that produced it, the facts of this patient it used, and the
 * evidence behind the rule.
 */
public record Finding(String code, String rule, List<String> facts, List<Evidence> evidence) {

    public Finding {
        facts = List.copyOf(facts);
        evidence = List.copyOf(evidence);
    }
}
