package org.ombc.cds.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.logic.Factor;
import org.ombc.cds.logic.MissingData;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.TrialCriterion;
import org.ombc.cds.model.Site;
import org.ombc.cds.support.Vignettes;

/** The codes the logic emits are exactly the codes published in CodeSystem-ombc, group by group. */
class CodeSystemConsistencyTest {

    private static List<String> group(String name) {
        return Vignettes.PROFILES.codeSystem().getConcept().stream()
                .filter(c -> c.getProperty().stream()
                        .anyMatch(p -> p.getCode().equals("group")
                                && p.getValue().primitiveValue().equals(name)))
                .map(CodeSystem.ConceptDefinitionComponent::getCode)
                .sorted()
                .toList();
    }

    private static <E extends Enum<E>> List<String> codes(E[] values, Function<E, String> code) {
        return Arrays.stream(values).map(code).sorted().toList();
    }

    @Test
    void everyGroupMatchesItsJavaEnum() {
        assertThat(group("recommendation")).isEqualTo(codes(Recommendation.values(), Recommendation::code));
        assertThat(group("missing-data")).isEqualTo(codes(MissingData.values(), MissingData::code));
        assertThat(group("estro-eortc-state")).isEqualTo(codes(EstroEortcState.values(), EstroEortcState::code));
        assertThat(group("site")).isEqualTo(codes(Site.values(), Site::code));
        assertThat(group("favorable-factor"))
                .isEqualTo(Arrays.stream(Factor.values())
                        .filter(Factor::isFavorable)
                        .map(Factor::code)
                        .sorted()
                        .toList());
        assertThat(group("unfavorable-factor"))
                .isEqualTo(Arrays.stream(Factor.values())
                        .filter(f -> !f.isFavorable())
                        .map(Factor::code)
                        .sorted()
                        .toList());
        // "synchronous" is the ESTRO-EORTC state code, reused as the criterion "in that state".
        assertThat(group("trial-criterion"))
                .isEqualTo(Arrays.stream(TrialCriterion.Kind.values())
                        .filter(k -> k != TrialCriterion.Kind.SYNCHRONOUS)
                        .map(TrialCriterion.Kind::code)
                        .sorted()
                        .toList());
        assertThat(group("estro-eortc-state")).contains(TrialCriterion.Kind.SYNCHRONOUS.code());
    }

    @Test
    void theTrialCriteriaValueSetListsExactlyTheCriteriaTheMatcherChecks() {
        ValueSet vs = Vignettes.PROFILES.valueSets().stream()
                .filter(v -> v.getIdElement().getIdPart().equals("trial-criteria"))
                .findFirst()
                .orElseThrow();
        assertThat(vs.getCompose().getIncludeFirstRep().getConcept().stream()
                        .map(c -> c.getCode())
                        .sorted()
                        .toList())
                .isEqualTo(codes(TrialCriterion.Kind.values(), TrialCriterion.Kind::code));
    }

    /** Each card offers its own override reasons; together they are exactly the CodeSystem's override reasons. */
    @Test
    void theOverrideReasonValueSetsListExactlyTheCodeSystemsOverrideReasons() {
        List<org.ombc.cds.knowledge.ValueSetId> sets = List.of(
                org.ombc.cds.knowledge.ValueSetId.OVERRIDE_REASONS,
                org.ombc.cds.knowledge.ValueSetId.OVERRIDE_REASONS_PALLIATIVE_RADIOTHERAPY,
                org.ombc.cds.knowledge.ValueSetId.OVERRIDE_REASONS_SYSTEMIC_THERAPY_ALONE);
        assertThat(sets.stream()
                        .flatMap(vs -> Vignettes.TERMINOLOGY.concepts(vs).stream())
                        .map(c -> c.code())
                        .distinct()
                        .sorted()
                        .toList())
                .isEqualTo(group("override-reason"));
        for (var vs : sets) {
            assertThat(Vignettes.TERMINOLOGY.concepts(vs)).allSatisfy(c -> assertThat(c.display())
                    .isEqualTo(Vignettes.PROFILES.codeSystem().getConcept().stream()
                            .filter(d -> d.getCode().equals(c.code()))
                            .findFirst()
                            .orElseThrow()
                            .getDisplay()));
        }
    }
}
