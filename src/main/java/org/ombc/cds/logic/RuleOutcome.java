package org.ombc.cds.logic;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one rule row concluded for one patient: the facts that make it apply (none when it does not), and the
 * dates or data whose absence left a threshold it needs undecided (clinical-rules 8: named only then).
 */
record RuleOutcome(List<String> facts, Set<MissingData> undecided) {

    RuleOutcome {
        facts = List.copyOf(facts);
        undecided = Set.copyOf(undecided);
    }

    static RuleOutcome applies(List<String> facts) {
        return new RuleOutcome(facts, Set.of());
    }

    static RuleOutcome applies(String... facts) {
        return applies(List.of(facts));
    }

    static RuleOutcome doesNotApply() {
        return new RuleOutcome(List.of(), Set.of());
    }

    /** The rule cannot decide: nothing is recommended, and what would decide it is named as missing. */
    static RuleOutcome undecidedFor(Set<MissingData> missing) {
        return new RuleOutcome(List.of(), missing);
    }

    boolean isApplicable() {
        return !facts.isEmpty();
    }

    RuleOutcome naming(Set<MissingData> missing) {
        Set<MissingData> all = EnumSet.noneOf(MissingData.class);
        all.addAll(undecided);
        all.addAll(missing);
        return new RuleOutcome(facts, all);
    }
}
