package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.apps.sandbox.DemoPatient;
import org.ombc.cds.apps.sandbox.Expected;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.sandbox.VignetteCatalogue;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.support.Vignettes;

/**
 * The logic vignettes: every case of the catalogue, as a FHIR Bundle through the real mapping and assessor, gives
 * exactly the assessment the catalogue writes for it; and together the cases cover the rules.
 */
class CatalogueVignettesTest {

    private static final List<DemoPatient> CASES = VignetteCatalogue.cases();

    static Stream<Named<DemoPatient>> cases() {
        return CASES.stream().map(c -> Named.of(c.id(), c));
    }

    /**
     * A case marked as a disagreement keeps the rules' answer: it must still differ from the service (so the mark
     * goes when the service is fixed) and is then reported as aborted with the reason, never counted as passed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theAssessmentIsExactlyTheCatalogues(DemoPatient c) {
        Assessment assessment = Vignettes.assess(PatientBundle.bundleOf(c.resources()));
        AssessmentJson a = AssessmentJson.of(assessment);
        Expected e = c.expected();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(a.oligometastatic()).as("oligometastatic").isEqualTo(e.oligometastatic());
        soft.assertThat(a.estroEortcState()).as("ESTRO-EORTC").isEqualTo(e.estroEortcState());
        soft.assertThat(a.lesionCount()).as("lesion count").isEqualTo(e.lesionCount());
        soft.assertThat(a.recommendations())
                .as("recommendations")
                .containsExactlyInAnyOrderElementsOf(e.recommendations());
        soft.assertThat(a.favorableFactors())
                .as("favourable factors")
                .containsExactlyInAnyOrderElementsOf(e.favorable());
        soft.assertThat(a.unfavorableFactors())
                .as("unfavourable factors")
                .containsExactlyInAnyOrderElementsOf(e.unfavorable());
        soft.assertThat(a.missingData()).as("missing data").containsExactlyInAnyOrderElementsOf(e.missingData());
        soft.assertThat(a.trials()).as("trials").containsExactlyInAnyOrderElementsOf(e.trials());
        for (String shown : e.shown()) {
            soft.assertThat(facts(assessment, shown)).as(shown).anyMatch(f -> f.startsWith(fact(shown)));
        }
        for (String notShown : e.notShown()) {
            soft.assertThat(facts(assessment, notShown))
                    .as("not " + notShown)
                    .noneMatch(f -> f.startsWith(fact(notShown)));
        }
        String disagreement = e.disagreement();
        if (disagreement == null) {
            soft.assertAll();
            return;
        }
        assertThat(soft.errorsCollected())
                .as("%s is marked as a disagreement but the service now agrees: remove" + " the mark", c.id())
                .isNotEmpty();
        Assumptions.abort("disagreement, reported: " + disagreement + "; differences: " + soft.errorsCollected());
    }

    @Test
    void theCasesCoverEveryStateEveryRecommendationAndItsNegative() {
        Set<String> states = new HashSet<>();
        Set<String> recommended = new HashSet<>();
        Set<String> absentWhileMetastatic = new HashSet<>();
        Set<String> missing = new HashSet<>();
        Set<String> oligo = new HashSet<>();
        List<String> all =
                Arrays.stream(Recommendation.values()).map(Recommendation::code).toList();
        for (DemoPatient c : CASES) {
            Expected e = c.expected();
            states.add(e.estroEortcState());
            recommended.addAll(e.recommendations());
            if (e.oligometastatic() != null) {
                all.stream().filter(r -> !e.recommendations().contains(r)).forEach(absentWhileMetastatic::add);
            }
            missing.addAll(e.missingData());
            oligo.add(String.valueOf(e.oligometastatic()));
        }
        assertThat(states)
                .containsAll(Arrays.stream(EstroEortcState.values())
                        .map(EstroEortcState::code)
                        .toList());
        assertThat(recommended).containsAll(all);
        assertThat(absentWhileMetastatic).containsAll(all);
        assertThat(oligo).contains("yes", "no", "indeterminate", "null");
        assertThat(missing)
                .contains(
                        "er-status",
                        "pr-status",
                        "her2-status",
                        "primary-diagnosis-date",
                        "metastasis-diagnosis-date",
                        "lesion-count",
                        "axillary-node-laterality");
    }

    @Test
    void everyCaseHasItsOwnIdNameAndAShortStory() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(45);
        assertThat(CASES.stream().map(DemoPatient::id).distinct()).hasSize(CASES.size());
        assertThat(CASES.stream().map(DemoPatient::name).distinct()).hasSize(CASES.size());
        assertThat(CASES).allSatisfy(c -> assertThat(c.story()).isNotBlank().hasSizeLessThan(100));
        List<String> ids = CASES.stream()
                .flatMap(c -> c.resources().stream())
                .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
                .toList();
        assertThat(ids).as("resource ids unique across all cases").doesNotHaveDuplicates();
    }

    private static List<String> facts(Assessment assessment, String shown) {
        Finding finding = assessment.findings().get(shown.substring(0, shown.indexOf(": ")));
        return finding == null ? List.of() : finding.facts();
    }

    private static String fact(String shown) {
        return shown.substring(shown.indexOf(": ") + 2);
    }
}
