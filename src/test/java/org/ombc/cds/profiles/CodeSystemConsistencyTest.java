package org.ombc.cds.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.logic.Factor;
import org.ombc.cds.logic.MissingData;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.model.Site;
import org.ombc.cds.support.Vignettes;

/** The codes the logic emits are exactly the codes published in CodeSystem-ombc, group by group. */
class CodeSystemConsistencyTest {

    private static List<String> group(String name) {
        return Vignettes.PROFILES.codeSystem().getConcept().stream()
                .filter(c -> c.getProperty().stream().anyMatch(p -> p.getCode().equals("group")
                        && p.getValue().primitiveValue().equals(name)))
                .map(CodeSystem.ConceptDefinitionComponent::getCode).sorted().toList();
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
        assertThat(group("favorable-factor")).isEqualTo(
                Arrays.stream(Factor.values()).filter(Factor::isFavorable).map(Factor::code).sorted().toList());
        assertThat(group("unfavorable-factor")).isEqualTo(
                Arrays.stream(Factor.values()).filter(f -> !f.isFavorable()).map(Factor::code).sorted().toList());
    }

    @Test
    void theOverrideReasonValueSetListsExactlyTheCodeSystemsOverrideReasons() {
        assertThat(Vignettes.TERMINOLOGY.concepts(org.ombc.cds.model.ValueSetId.OVERRIDE_REASONS).stream()
                .map(c -> c.code()).sorted().toList()).isEqualTo(group("override-reason"));
    }
}
