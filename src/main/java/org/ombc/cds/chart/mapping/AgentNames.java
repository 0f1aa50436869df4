package org.ombc.cds.chart.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;

/**
 * The systemic agents of clinical-rules 1 by name: the ingredient and brand names published in the
 * {@code systemic-therapy-agents} ValueSet. A medication whose code the service does not hold still counts when its
 * display or text names one as a word (clinical-rules 10).
 */
final class AgentNames {

    /** Words that mark a medication as anticancer without naming an agent we know. */
    private static final Pattern ANTICANCER = Pattern.compile(
            "\\b(chemotherap\\w*|antineoplastic\\w*|"
                    + "antiestrogen\\w*|aromatase inhibitor\\w*|cdk ?4/6|anti-?her2|endocrine therap\\w*|"
                    + "hormon\\w* therap\\w*)\\b",
            Pattern.CASE_INSENSITIVE);

    private final List<Name> names;

    private record Name(String display, Pattern word) {}

    AgentNames(Terminology terminology) {
        List<Name> found = new ArrayList<>();
        for (Terminology.Concept concept : terminology.concepts(ValueSetId.SYSTEMIC_THERAPY_AGENTS)) {
            String display = concept.display();
            if (display == null || display.isBlank()) {
                continue;
            }
            String name = display.trim();
            if (found.stream().noneMatch(n -> n.display().equalsIgnoreCase(name))) {
                found.add(new Name(
                        name,
                        Pattern.compile(
                                "(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            }
        }
        // The longest name first: "ado-trastuzumab emtansine" before "trastuzumab".
        found.sort(Comparator.comparing((Name n) -> n.display().length()).reversed());
        this.names = List.copyOf(found);
    }

    /** The listed agent the concept's displays or text name as a word, in lower case; null when none. */
    @Nullable
    String namedIn(CodeableConcept concept) {
        for (String words : Codings.words(concept)) {
            for (Name name : names) {
                if (name.word().matcher(words).find()) {
                    return name.display().toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    static boolean looksLikeAnticancer(CodeableConcept concept) {
        return Codings.words(concept).stream()
                .anyMatch(w -> ANTICANCER.matcher(w).find());
    }
}
